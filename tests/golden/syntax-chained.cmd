check syntax-chained.rk

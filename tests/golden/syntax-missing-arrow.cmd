check syntax-missing-arrow.rk

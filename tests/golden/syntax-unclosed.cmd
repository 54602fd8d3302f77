check syntax-unclosed.rk

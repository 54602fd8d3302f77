check split-errors.rk

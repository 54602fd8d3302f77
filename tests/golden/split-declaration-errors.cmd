check split-declaration-errors.rk

check --lang da split-declaration-errors.rk

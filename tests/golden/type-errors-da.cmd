check --lang da type-errors.rk

check type-errors.rk

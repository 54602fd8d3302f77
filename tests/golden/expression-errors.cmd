check expression-errors.rk

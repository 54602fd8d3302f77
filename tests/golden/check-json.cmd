check --format json contract-errors.rk syntax-unclosed.rk boundaries.rk

check --format github contract-errors.rk syntax-unclosed.rk boundaries.rk

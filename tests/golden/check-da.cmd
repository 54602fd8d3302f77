check --lang da contract-errors.rk expression-errors.rk split-errors.rk split-method.rk syntax-chained.rk syntax-missing-arrow.rk syntax-unclosed.rk ../../examples/nordjylland-2019.rk

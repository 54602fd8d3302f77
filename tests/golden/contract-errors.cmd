check contract-errors.rk

test rows.rk

check split-method.rk

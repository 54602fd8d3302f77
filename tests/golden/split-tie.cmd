split split-tie.rk

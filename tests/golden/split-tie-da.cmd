split split-tie.rk --lang da

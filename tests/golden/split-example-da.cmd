split ../../examples/nordjylland-2019.rk --lang da

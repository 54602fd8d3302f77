draft ../../examples/nordjylland-2019.rk

split ../../examples/nordjylland-2019.rk basisbevilling --format json

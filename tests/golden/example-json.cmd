eval ../../examples/nordjylland-2019.rk ../../examples/nordjylland-2019.facts.json --format json

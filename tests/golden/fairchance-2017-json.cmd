eval ../../examples/fair-chance-fund-2015.rk ../../examples/fair-chance-fund-2015.2017.facts.json --format json

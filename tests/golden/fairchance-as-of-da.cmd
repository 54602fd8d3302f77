eval ../../examples/fair-chance-fund-2015.rk ../../examples/fair-chance-fund-2015.2017-midtvejs.facts.json --as-of 2017-06-30

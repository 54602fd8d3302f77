eval periods.rk periods-2009.facts.json --format json

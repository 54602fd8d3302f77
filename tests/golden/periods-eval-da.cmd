eval periods.rk periods-2009.facts.json --lang da

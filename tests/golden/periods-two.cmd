eval periods.rk periods-2009.facts.json --period 2010

report periods.rk periods-2011.facts.json --lang en

compare periods.rk:periods-2009.facts.json periods.rk:periods-2011.facts.json

eval rows.rk rows.facts.json --format json

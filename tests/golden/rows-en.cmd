eval rows.rk rows.facts.json

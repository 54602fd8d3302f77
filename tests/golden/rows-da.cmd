eval rows.rk rows.facts.json --lang da

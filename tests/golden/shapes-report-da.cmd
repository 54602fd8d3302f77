report shapes.rk shapes.facts.json --lang da

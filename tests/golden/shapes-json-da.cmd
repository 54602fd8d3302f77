eval shapes.rk shapes.facts.json --format json --lang da

eval shapes.rk shapes.facts.json

eval boundaries.rk boundaries-exact.facts.json --format json

eval boundaries.rk boundaries-missing.facts.json --format json

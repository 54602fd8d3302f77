eval boundaries.rk boundaries-bad-facts.facts.json

eval boundaries.rk boundaries-malformed.facts.json

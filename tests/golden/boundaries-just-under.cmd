eval boundaries.rk boundaries-just-under.facts.json

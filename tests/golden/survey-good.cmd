eval survey.rk survey-good.facts.json

eval survey.rk survey-bad.facts.json

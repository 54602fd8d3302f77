eval ../../examples/maal-og-resultatplan-2023.rk ../../examples/maal-og-resultatplan-2023.facts.json --format json --lang da

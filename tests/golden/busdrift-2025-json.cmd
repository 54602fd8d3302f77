eval ../../examples/busdrift-2024.rk ../../examples/busdrift-2024.2025.facts.json --format json

report ../../examples/busdrift-2024.rk ../../examples/busdrift-2024.2025-midtvejs.facts.json --as-of 2025-06-30 --period 2025 --lang da

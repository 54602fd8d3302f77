compare ../../examples/busdrift-2024.rk:../../examples/busdrift-2024.2025.facts.json ../../examples/busdrift-2024.rk:../../examples/busdrift-2024.2024.facts.json --lang da

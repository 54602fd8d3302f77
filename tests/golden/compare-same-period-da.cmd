compare ../../examples/busdrift-2024.rk:../../examples/busdrift-2024.2025.facts.json ../../examples/busdrift-2024.rk:../../examples/busdrift-2024.2025-midtvejs.facts.json --lang da

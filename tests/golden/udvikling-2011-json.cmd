eval ../../examples/udviklingskontrakt-2008.rk ../../examples/udviklingskontrakt-2008.2011.facts.json --format json

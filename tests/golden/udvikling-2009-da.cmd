eval ../../examples/udviklingskontrakt-2008.rk ../../examples/udviklingskontrakt-2008.2009.facts.json

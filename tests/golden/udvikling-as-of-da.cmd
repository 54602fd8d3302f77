eval ../../examples/udviklingskontrakt-2008.rk ../../examples/udviklingskontrakt-2008.2011-midtvejs.facts.json --as-of 2011-06-30

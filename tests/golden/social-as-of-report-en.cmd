report ../../examples/social-investering-2021.rk ../../examples/social-investering-2021-midtvejs.facts.json --as-of 2023-06-30 --lang en

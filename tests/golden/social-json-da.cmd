eval ../../examples/social-investering-2021.rk ../../examples/social-investering-2021.facts.json --lang da --format json

split ../../examples/social-investering-2021.rk tilbagebetaling --facts ../../examples/social-investering-2021.facts.json

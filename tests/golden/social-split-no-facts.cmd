split ../../examples/social-investering-2021.rk tilbagebetaling

"""The contract document drafted from the rules (`rk draft`), and the check that a signed
document still says what the rules say (`rk draft --check`)."""

split split-tie.rk --lang da --format csv

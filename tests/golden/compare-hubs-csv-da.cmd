compare compare/hub-nord.rk:compare/nord-2019.json compare/hub-midt.rk:compare/midt-2019.json --format csv --lang da

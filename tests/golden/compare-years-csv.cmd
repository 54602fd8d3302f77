compare compare/hub-nord.rk:compare/nord-2019.json compare/hub-nord.rk:compare/nord-2020.json compare/hub-nord.rk:compare/nord-2021.json --format csv

compare compare/hub-nord.rk:compare/nord-2019.json --group Landsdækkende

compare compare/hub-nord.rk compare/hub-midt.rk:compare/midt-2019.json

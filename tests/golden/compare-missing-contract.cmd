compare compare/hub-syd.rk:compare/nord-2019.json compare/hub-midt.rk:compare/midt-2019.json

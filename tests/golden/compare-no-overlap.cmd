compare compare/hub-nord.rk:compare/nord-2019.json compare/hub-andet.rk:compare/andet-2019.json

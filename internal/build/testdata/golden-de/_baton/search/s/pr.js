batonSearch.shard("pr",[
["produkt",["produkt","FGA"]],
["produkthandbuch",["produkthandbuch","AAA"]],
["produktleitung",["produktleitung","CCACAACGABHA"]]
]);

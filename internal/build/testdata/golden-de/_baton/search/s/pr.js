batonSearch.shard("pr",[
["produkt",["produkt","FGA"]],
["produkthandbuch",["produkthandbuch","AAA"]],
["produktleit",["produktleitung","CCACAACGABHA"]]
]);

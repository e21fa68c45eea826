batonSearch.shard("st",[
["streich",["streicher","FGA"]]
]);

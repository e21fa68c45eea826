batonSearch.shard("st",[
["streicher",["streicher","FGA"]]
]);

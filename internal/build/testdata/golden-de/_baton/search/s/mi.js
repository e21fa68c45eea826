batonSearch.shard("mi",[
["mit",["mit","AKA"]]
]);

batonSearch.shard("tr",[
["translat",["translated","DKA"]]
]);

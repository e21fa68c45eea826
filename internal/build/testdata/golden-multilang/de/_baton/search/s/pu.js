batonSearch.shard("pu",[
["punkt",["punkt","ALA"]]
]);

batonSearch.shard("ge",[
["get",["getting","EAA"]]
]);

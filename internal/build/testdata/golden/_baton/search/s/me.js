batonSearch.shard("me",[
["meet",["meet","NHA"]]
]);

batonSearch.shard("me",[
["meet",["meet","CGA","meetings","AHACEA"]]
]);

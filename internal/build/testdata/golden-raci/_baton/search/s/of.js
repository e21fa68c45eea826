batonSearch.shard("of",[
["of",["of","GAA"]]
]);

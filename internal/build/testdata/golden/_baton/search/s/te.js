batonSearch.shard("te",[
["team",["team","FHB"]],
["tempo",["tempo","FLBBLCDAA"]],
["test",["test","AAA"]]
]);

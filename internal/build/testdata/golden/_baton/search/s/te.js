batonSearch.shard("te",[
["team",["team","FHB"]],
["tempo",["tempo","FLBBLCDAAHAA"]],
["test",["test","AAA"]]
]);

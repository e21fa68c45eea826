batonSearch.shard("te",[
["tempo",["tempo","FHCCAA"]],
["test",["test","AAA"]]
]);

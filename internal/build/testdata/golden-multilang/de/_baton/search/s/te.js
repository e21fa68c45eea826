batonSearch.shard("te",[
["tempo",["tempo","EHCCAA"]],
["test",["test","AAA"]],
["testhandbuch",["testhandbuch","AAA"]]
]);

batonSearch.shard("te",[
["team",["team","CGACHD"]],
["technik",["technik","CCADAABCA"]],
["tempo",["tempo","EHC"]]
]);

batonSearch.shard("za",[
["zahlt",["zählt","DFB"]]
]);

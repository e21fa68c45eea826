batonSearch.shard("wr",[
["write",["writing","GHEEAADHA"]],
["written",["written","PHA"]]
]);

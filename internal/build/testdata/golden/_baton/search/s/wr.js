batonSearch.shard("wr",[
["write",["writing","GHEEAADHA"]]
]);

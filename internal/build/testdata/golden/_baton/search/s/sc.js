batonSearch.shard("sc",[
["scope",["scope","HHC"]],
["score",["score","FHCBLBEAADHACAA","scores","PCA"]]
]);

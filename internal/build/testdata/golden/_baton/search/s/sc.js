batonSearch.shard("sc",[
["scope",["scope","HHC"]],
["score",["score","FHCBLBEAADHA"]]
]);

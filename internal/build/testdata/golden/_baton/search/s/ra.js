batonSearch.shard("ra",[
["raw",["raw","FHC"]]
]);

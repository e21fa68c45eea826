batonSearch.shard("ht",[
["html",["html","FHC"]]
]);

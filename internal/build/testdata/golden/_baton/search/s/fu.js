batonSearch.shard("fu",[
["func",["func","FHC"]]
]);

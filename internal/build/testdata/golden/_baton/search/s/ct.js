batonSearch.shard("ct",[
["ctrl",["ctrl","FHC"]]
]);

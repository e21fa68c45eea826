batonSearch.shard("ye",[
["yet",["yet","FHC"]]
]);

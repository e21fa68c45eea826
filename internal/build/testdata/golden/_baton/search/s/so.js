batonSearch.shard("so",[
["sourc",["sources","FHB"]]
]);

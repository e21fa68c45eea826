batonSearch.shard("sc",[
["score",["score","FHB"]]
]);

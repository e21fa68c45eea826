batonSearch.shard("si",[
["site",["site","FHB"]]
]);

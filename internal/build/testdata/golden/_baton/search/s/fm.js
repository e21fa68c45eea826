batonSearch.shard("fm",[
["fmt",["fmt","FHC"]]
]);

batonSearch.shard("on",[
["one",["one","FHC"]]
]);

batonSearch.shard("hi",[
["hi",["hi","FHC"]]
]);

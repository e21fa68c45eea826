batonSearch.shard("ma",[
["mailto",["mailto","FHB"]],
["main",["main","FHC"]],
["matter",["matters","FNB"]]
]);

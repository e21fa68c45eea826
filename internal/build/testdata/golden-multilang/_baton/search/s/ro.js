batonSearch.shard("ro",[
["role",["role","EHB"]]
]);

batonSearch.shard("ro",[
["role",["role","FLB"]],
["root",["root","BGA"]]
]);

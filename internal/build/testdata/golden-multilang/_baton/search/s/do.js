batonSearch.shard("do",[
["dot",["dot","ELB"]]
]);

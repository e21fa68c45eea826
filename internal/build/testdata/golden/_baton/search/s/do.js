batonSearch.shard("do",[
["done",["done","FHC"]],
["dot",["dot","FLB"]]
]);

batonSearch.shard("ne",[
["neu",["neue","HGA"]]
]);

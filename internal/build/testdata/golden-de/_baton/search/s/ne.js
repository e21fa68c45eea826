batonSearch.shard("ne",[
["need",["needs","EFDBFD"]],
["neu",["neue","HGA"]]
]);

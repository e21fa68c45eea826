batonSearch.shard("ne",[
["need",["needs","EFDBFD"]],
["neue",["neue","HGA"]]
]);

batonSearch.shard("un",[
["und",["und","HGA"]]
]);

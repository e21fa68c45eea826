batonSearch.shard("we",[
["weg",["weg","HGA"]]
]);

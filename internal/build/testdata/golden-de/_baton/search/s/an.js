batonSearch.shard("an",[
["anfang",["anfang","HHA"]]
]);

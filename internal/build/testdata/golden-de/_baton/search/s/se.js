batonSearch.shard("se",[
["setup",["setup","CHB"]]
]);

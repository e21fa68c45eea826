batonSearch.shard("fa",[
["fast",["fast","GHEDGAHHA"]]
]);

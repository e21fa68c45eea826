batonSearch.shard("fa",[
["fast",["fast","GHEDGA"]]
]);

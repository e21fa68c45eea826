batonSearch.shard("fa",[
["fast",["fast","FHCCGA"]]
]);

batonSearch.shard("fr",[
["fragen",["fragen","CHB"]],
["früh",["früh","CHB"]]
]);

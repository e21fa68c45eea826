batonSearch.shard("fr",[
["frag",["fragen","CHB"]],
["fruh",["früh","CHB"]]
]);

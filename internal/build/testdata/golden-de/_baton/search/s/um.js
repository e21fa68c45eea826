batonSearch.shard("um",[
["umfang",["umfang","FHC"]],
["umgeb",["umgebung","CHB"]]
]);

batonSearch.shard("um",[
["umfang",["umfang","FHC"]],
["umgebung",["umgebung","CHB"]]
]);

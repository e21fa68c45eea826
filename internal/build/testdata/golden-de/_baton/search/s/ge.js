batonSearch.shard("ge",[
["geleitet",["geleitet","GHA"]]
]);

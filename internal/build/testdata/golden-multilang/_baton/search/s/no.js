batonSearch.shard("no",[
["nobodi",["nobody","DHA"]]
]);

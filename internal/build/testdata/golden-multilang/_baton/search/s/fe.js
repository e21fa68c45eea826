batonSearch.shard("fe",[
["fewer",["fewer","CHA"]]
]);

batonSearch.shard("we",[
["wenig",["weniger","CHA"]]
]);

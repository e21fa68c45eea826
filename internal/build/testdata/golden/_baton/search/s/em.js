batonSearch.shard("em",[
["emphasi",["emphasis","BHA"]]
]);

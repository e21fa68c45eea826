batonSearch.shard("da",[
["dash",["dashes","BHA"]]
]);

batonSearch.shard("st",[
["start",["start","AHA"]]
]);

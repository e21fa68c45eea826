batonSearch.shard("er",[
["erst",["erste","DEA","ersten","AHA"]]
]);

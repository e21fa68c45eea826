batonSearch.shard("er",[
["erst",["erste","DEA"]],
["ersten",["ersten","AHA"]]
]);

batonSearch.shard("le",[
["lead",["leads","EFC"]],
["led",["led","GHA"]]
]);

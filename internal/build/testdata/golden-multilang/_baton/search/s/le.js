batonSearch.shard("le",[
["lead",["leads","FFC"]],
["led",["led","HHA"]]
]);

batonSearch.shard("ge",[
["gehen",["gehen","EHCCGA"]],
["gestaltet",["gestaltet","FGA"]]
]);

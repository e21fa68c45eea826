batonSearch.shard("ge",[
["geh",["gehen","EHCCGA"]],
["gestaltet",["gestaltet","FGA"]]
]);

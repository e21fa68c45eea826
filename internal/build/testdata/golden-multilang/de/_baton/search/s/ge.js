batonSearch.shard("ge",[
["geh",["gehen","EHCCGA"]],
["geleitet",["geleitet","GHA"]],
["gestaltet",["gestaltet","FGA"]]
]);

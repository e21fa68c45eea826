batonSearch.shard("od",[
["oder",["oder","AHA"]]
]);

batonSearch.shard("ro",[
["roll",["rolle","DHB"]]
]);

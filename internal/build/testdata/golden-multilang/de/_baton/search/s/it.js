batonSearch.shard("it",[
["it",["it","EFC"]]
]);

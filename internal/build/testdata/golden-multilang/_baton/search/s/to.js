batonSearch.shard("to",[
["touch",["touch","GGA"]]
]);

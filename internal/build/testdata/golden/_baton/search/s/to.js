batonSearch.shard("to",[
["touch",["touch","IGA"]]
]);

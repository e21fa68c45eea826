batonSearch.shard("pa",[
["partitur",["partitur","EHB"]]
]);

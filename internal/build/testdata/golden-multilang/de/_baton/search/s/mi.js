batonSearch.shard("mi",[
["mit",["mit","AHA"]]
]);

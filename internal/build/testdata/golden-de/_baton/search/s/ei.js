batonSearch.shard("ei",[
["einstieg",["einstieg","AKACAAFHA"]]
]);

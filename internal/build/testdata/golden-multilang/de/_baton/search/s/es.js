batonSearch.shard("es",[
["es",["es","DFB"]]
]);

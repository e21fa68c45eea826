batonSearch.shard("wa",[
["warum",["warum","DFB"]]
]);

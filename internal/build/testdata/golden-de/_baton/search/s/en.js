batonSearch.shard("en",[
["entscheiden",["entscheiden","EHECGA"]]
]);

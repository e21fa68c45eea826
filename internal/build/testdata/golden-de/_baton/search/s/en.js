batonSearch.shard("en",[
["entscheid",["entscheiden","EHECGA"]]
]);

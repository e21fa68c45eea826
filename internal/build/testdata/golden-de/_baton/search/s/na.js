batonSearch.shard("na",[
["nach",["nächstes","EHECGA"]]
]);

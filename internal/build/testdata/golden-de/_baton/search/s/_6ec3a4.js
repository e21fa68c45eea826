batonSearch.shard("nä",[
["nächstes",["nächstes","EHECGA"]]
]);

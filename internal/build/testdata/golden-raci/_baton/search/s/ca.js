batonSearch.shard("ca",[
["call",["call","CHABHBIAA"]]
]);

batonSearch.shard("se",[
["servic",["service","CHACHBIAA"]]
]);

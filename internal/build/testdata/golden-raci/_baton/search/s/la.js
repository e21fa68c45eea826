batonSearch.shard("la",[
["launch",["launch","CHABHBIAA","launching","CAA"]]
]);

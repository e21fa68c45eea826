batonSearch.shard("ru",[
["run",["run","CKAKCA","running","EHBIAA","runs","EGA"]]
]);

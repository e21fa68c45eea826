batonSearch.shard("ti",[
["time",["time","FGA"]]
]);

batonSearch.shard("ba",[
["baut",["baut","FGA"]]
]);

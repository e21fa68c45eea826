batonSearch.shard("da",[
["das",["das","GAA"]]
]);

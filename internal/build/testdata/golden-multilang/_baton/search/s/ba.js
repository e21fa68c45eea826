batonSearch.shard("ba",[
["basic",["basics","ECA"]]
]);

batonSearch.shard("de",[
["defin",["define","GCA"]]
]);

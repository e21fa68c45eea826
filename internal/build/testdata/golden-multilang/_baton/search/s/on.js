batonSearch.shard("on",[
["onli",["only","DAA"]]
]);

batonSearch.shard("li",[
["lies",["lies","AHADHB"]]
]);

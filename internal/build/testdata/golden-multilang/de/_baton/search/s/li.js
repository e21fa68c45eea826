batonSearch.shard("li",[
["lie",["lies","AHADHB"]]
]);

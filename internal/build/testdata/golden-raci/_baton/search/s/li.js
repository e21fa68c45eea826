batonSearch.shard("li",[
["live",["live","LCA"]]
]);

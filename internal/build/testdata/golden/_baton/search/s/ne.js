batonSearch.shard("ne",[
["need",["needs","GFDBFDBFD"]],
["new",["new","NGA"]],
["next",["next","FLB"]]
]);

batonSearch.shard("in",[
["in",["in","DAA"]],
["interact",["interaction","GHB"]]
]);

batonSearch.shard("sh",[
["shape",["shapes","IGA"]],
["short",["short","NGA"]]
]);

batonSearch.shard("sh",[
["shape",["shapes","GGA"]],
["shorter",["shorter","CHA"]]
]);

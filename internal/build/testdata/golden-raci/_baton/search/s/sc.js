batonSearch.shard("sc",[
["scope",["scope","CHA","scoping","DHBFAA"]]
]);

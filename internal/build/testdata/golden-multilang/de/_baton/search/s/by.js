batonSearch.shard("by",[
["by",["by","GHA"]]
]);

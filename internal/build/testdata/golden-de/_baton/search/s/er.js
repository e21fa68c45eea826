batonSearch.shard("er",[
["erst",["erste","CFBFEA","ersten","CGA"]]
]);

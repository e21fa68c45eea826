batonSearch.shard("er",[
["erst",["erste","CFBFEA"]],
["ersten",["ersten","CGA"]]
]);

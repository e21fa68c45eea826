batonSearch.shard("we",[
["welcom",["welcome","AHA"]]
]);

batonSearch.shard("ra",[
["raci",["raci","AAA"]]
]);

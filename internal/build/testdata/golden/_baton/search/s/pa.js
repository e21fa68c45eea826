batonSearch.shard("pa",[
["page",["page","AGABKADAABHBIHA"]],
["path",["path","AHANGA"]]
]);

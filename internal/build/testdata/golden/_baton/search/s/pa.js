batonSearch.shard("pa",[
["page",["page","AGABKADAABLBIHA"]],
["path",["path","AHANGA"]]
]);

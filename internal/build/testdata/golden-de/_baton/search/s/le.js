batonSearch.shard("le",[
["lead",["leads","EFE"]],
["led",["led","GHA"]],
["lesen",["lesen","CHC"]]
]);

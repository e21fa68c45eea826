batonSearch.shard("le",[
["lead",["leads","DFBBFBBFB"]],
["led",["led","HHABHABHABHABHABHA"]]
]);

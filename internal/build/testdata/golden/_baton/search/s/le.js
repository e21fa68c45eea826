batonSearch.shard("le",[
["lead",["leads","GFEBFE"]],
["led",["led","JHABHABHABHA"]]
]);

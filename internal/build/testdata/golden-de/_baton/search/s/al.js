batonSearch.shard("al",[
["al",["als","EHECGA"]],
["all",["alle","DHABGA"]]
]);

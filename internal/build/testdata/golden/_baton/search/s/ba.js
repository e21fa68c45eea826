batonSearch.shard("ba",[
["back",["back","EHB"]],
["basic",["basics","DAABCABCA"]]
]);

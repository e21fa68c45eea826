batonSearch.shard("en",[
["entscheiden",["entscheiden","EHCCGA"]]
]);

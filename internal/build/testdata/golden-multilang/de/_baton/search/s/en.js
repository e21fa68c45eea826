batonSearch.shard("en",[
["entscheid",["entscheiden","EHCCGA"]]
]);

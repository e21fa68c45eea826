batonSearch.shard("go",[
["go",["go","FHCCGA"]]
]);

batonSearch.shard("de",[
["decid",["decide","FHCCGA"]],
["design",["design","ECACEABCA"]]
]);

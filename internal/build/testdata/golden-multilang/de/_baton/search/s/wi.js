batonSearch.shard("wi",[
["wie",["wie","BGABGACHCCGA"]],
["willkommen",["willkommen","AHA"]],
["wir",["wir","BGABGACHCCGA"]]
]);

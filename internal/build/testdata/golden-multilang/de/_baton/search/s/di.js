batonSearch.shard("di",[
["die",["die","AGADHBBHB"]],
["dirig",["dirigent","DCABEACGA"]],
["dirigenten",["dirigenten","DHB"]],
["discov",["discover","GCA"]]
]);

batonSearch.shard("di",[
["dirigent",["dirigent","DCABEACGA","dirigenten","DHB"]],
["discov",["discover","GCA"]]
]);

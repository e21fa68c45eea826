batonSearch.shard("di",[
["die",["die","BKABGACHBDGA"]],
["dirig",["dirigent","EGA"]]
]);

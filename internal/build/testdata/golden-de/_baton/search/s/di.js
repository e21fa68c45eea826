batonSearch.shard("di",[
["dirigent",["dirigent","EGA"]]
]);

batonSearch.shard("se",[
["setzen",["setzen","EHCCAA"]]
]);

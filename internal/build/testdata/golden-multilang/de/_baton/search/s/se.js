batonSearch.shard("se",[
["setz",["setzen","EHCCAA"]]
]);

batonSearch.shard("ge",[
["get",["getting","FAAIHA"]]
]);

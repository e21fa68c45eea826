batonSearch.shard("br",[
["braucht",["braucht","EFDBFD"]]
]);

batonSearch.shard("ye",[
["yet",["yet","DKA"]]
]);

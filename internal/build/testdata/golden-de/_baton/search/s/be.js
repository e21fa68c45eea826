batonSearch.shard("be",[
["beginn",["beginnen","AKA"]]
]);

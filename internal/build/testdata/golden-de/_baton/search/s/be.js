batonSearch.shard("be",[
["beginnen",["beginnen","AKA"]]
]);

batonSearch.shard("be",[
["beeinflusst",["beeinflusst","EFCBFC"]],
["beginn",["beginnen","AKA"]]
]);

batonSearch.shard("sc",[
["schnell",["schnell","EHCCGA"]],
["schritt",["schritte","DAA"]]
]);

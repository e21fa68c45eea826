batonSearch.shard("sc",[
["schritt",["schritte","CGAFAA"]],
["schätzungen",["schätzungen","FHB"]]
]);

batonSearch.shard("sc",[
["schatzung",["schätzungen","FHB"]],
["schritt",["schritte","CGAFAA"]]
]);

batonSearch.shard("wo",[
["woch",["woche","CJBFGA","wochen","DHA"]]
]);

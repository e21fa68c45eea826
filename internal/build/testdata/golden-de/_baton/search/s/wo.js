batonSearch.shard("wo",[
["woch",["woche","CJBFGA"]],
["wochen",["wochen","DHA"]]
]);

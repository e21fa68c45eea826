batonSearch.shard("be",[
["beat",["beats","FHD"]],
["begin",["begin","NHA"]]
]);

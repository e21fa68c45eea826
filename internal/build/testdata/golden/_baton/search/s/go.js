batonSearch.shard("go",[
["go",["go","GHEDGA"]],
["goe",["goes","QHA"]]
]);

batonSearch.shard("go",[
["go",["go","GHEDGA"]]
]);

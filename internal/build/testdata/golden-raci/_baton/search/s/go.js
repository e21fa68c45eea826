batonSearch.shard("go",[
["go",["go","LCA"]]
]);

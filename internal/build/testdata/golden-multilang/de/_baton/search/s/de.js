batonSearch.shard("de",[
["design",["design","DCACAABCA"]]
]);

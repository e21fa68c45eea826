batonSearch.shard("ha",[
["handbook",["handbook","AAA"]]
]);

batonSearch.shard("ma",[
["make",["make","CHB"]]
]);

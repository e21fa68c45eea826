batonSearch.shard("ma",[
["mak",["make","CHB"]]
]);

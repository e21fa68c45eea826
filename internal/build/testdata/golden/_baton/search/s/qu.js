batonSearch.shard("qu",[
["quot",["quote","FHB","quotes","BHA"]]
]);

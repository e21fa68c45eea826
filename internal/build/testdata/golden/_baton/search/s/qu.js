batonSearch.shard("qu",[
["quot",["quote","FHBJEA","quotes","BHA"]]
]);

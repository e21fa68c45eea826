batonSearch.shard("wo",[
["work",["work","BGA","works","FGA"]]
]);

batonSearch.shard("wo",[
["work",["work","BGA"]]
]);

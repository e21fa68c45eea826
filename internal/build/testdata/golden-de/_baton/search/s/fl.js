batonSearch.shard("fl",[
["fließt",["fließt","BGA"]]
]);

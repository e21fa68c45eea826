batonSearch.shard("fl",[
["fliesst",["fließt","BGA"]]
]);

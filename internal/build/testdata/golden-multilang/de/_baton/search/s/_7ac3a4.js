batonSearch.shard("zä",[
["zählt",["zählt","DFB"]]
]);

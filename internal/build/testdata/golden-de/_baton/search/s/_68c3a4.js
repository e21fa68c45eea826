batonSearch.shard("hä",[
["hält",["hält","EGA"]]
]);

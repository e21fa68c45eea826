batonSearch.shard("im",[
["im",["im","EGA"]]
]);

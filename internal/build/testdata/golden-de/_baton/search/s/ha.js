batonSearch.shard("ha",[
["halt",["hält","EGA"]]
]);

batonSearch.shard("ta",[
["takt",["takt","EGA"]]
]);

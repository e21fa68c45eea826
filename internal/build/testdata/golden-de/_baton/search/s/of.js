batonSearch.shard("of",[
["oft",["oft","DGA"]]
]);

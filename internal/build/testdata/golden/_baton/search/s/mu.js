batonSearch.shard("mu",[
["music",["music","PHABHA"]]
]);

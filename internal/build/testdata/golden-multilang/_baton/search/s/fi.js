batonSearch.shard("fi",[
["first",["first","AHAEGA"]]
]);

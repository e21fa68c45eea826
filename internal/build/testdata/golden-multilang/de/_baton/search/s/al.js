batonSearch.shard("al",[
["all",["alle","BHADGA"]]
]);

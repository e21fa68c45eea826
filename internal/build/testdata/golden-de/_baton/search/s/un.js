batonSearch.shard("un",[
["und",["und","CHBFGA"]]
]);

batonSearch.shard("ac",[
["activ",["activity","HCA"]]
]);

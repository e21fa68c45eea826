batonSearch.shard("ac",[
["activ",["activity","GCA"]]
]);

batonSearch.shard("ac",[
["activity",["activity","GCA"]]
]);

batonSearch.shard("ac",[
["activ",["activity","JCACCA"]]
]);

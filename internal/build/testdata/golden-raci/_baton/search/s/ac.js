batonSearch.shard("ac",[
["activ",["activity","JCABCA"]]
]);

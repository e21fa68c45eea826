batonSearch.shard("es",[
["estim",["estimates","HHB"]]
]);

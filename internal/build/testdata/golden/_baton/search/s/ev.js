batonSearch.shard("ev",[
["everi",["every","FHBKHA"]],
["everyon",["everyone","GKAEGA"]]
]);

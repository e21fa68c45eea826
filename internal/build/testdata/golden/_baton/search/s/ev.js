batonSearch.shard("ev",[
["everi",["every","FHB"]],
["everyon",["everyone","GKAEGA"]]
]);

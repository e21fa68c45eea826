batonSearch.shard("pr",[
["println",["println","FHC"]],
["prioriti",["priorities","IHC"]]
]);

batonSearch.shard("pr",[
["press",["press","FHC"]],
["println",["println","FHC"]],
["prioriti",["priorities","IHC"]]
]);

batonSearch.shard("ke",[
["keep",["keeps","FHCBGA"]],
["kept",["kept","FHC"]]
]);

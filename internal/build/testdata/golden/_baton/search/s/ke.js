batonSearch.shard("ke",[
["keep",["keeps","FHCBGA"]]
]);

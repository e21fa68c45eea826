batonSearch.shard("se",[
["second",["second","EAAJHA"]],
["section",["section","FLB"]],
["see",["see","FLBIHA"]],
["set",["sets","QHA","setting","GHEDAA"]]
]);

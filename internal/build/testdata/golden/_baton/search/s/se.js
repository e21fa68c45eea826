batonSearch.shard("se",[
["second",["second","EAAJHA"]],
["section",["section","FLB"]],
["see",["see","FLBIHA"]],
["set",["setting","GHEDAA"]]
]);

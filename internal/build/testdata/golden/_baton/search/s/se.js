batonSearch.shard("se",[
["second",["second","EAAJHA"]],
["section",["section","FLB"]],
["see",["see","FHBIHA"]],
["set",["setting","GHEDAA"]]
]);

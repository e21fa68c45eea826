batonSearch.shard("ro",[
["roadmap",["roadmap","CKABHBEAA"]]
]);

batonSearch.shard("ro",[
["roadmap",["roadmap","EHB"]]
]);

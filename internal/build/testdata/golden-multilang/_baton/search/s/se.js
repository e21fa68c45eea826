batonSearch.shard("se",[
["see",["see","AHA"]],
["set",["setting","FHCCAA"]]
]);

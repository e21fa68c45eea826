batonSearch.shard("ab",[
["abläufe",["abläufe","BEABCABCA"]]
]);

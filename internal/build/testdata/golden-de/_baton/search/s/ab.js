batonSearch.shard("ab",[
["ablauf",["abläufe","BEABCABCA"]]
]);

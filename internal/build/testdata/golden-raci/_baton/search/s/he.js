batonSearch.shard("he",[
["head",["head","CCAEAABCABCACCABCABCA"]]
]);

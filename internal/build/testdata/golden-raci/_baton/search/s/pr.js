batonSearch.shard("pr",[
["product",["product","CGABAABGABGABEABGABGABCABCABGABCA"]]
]);

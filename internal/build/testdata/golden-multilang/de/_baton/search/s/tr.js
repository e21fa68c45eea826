batonSearch.shard("tr",[
["treff",["treffen","CGA"]]
]);

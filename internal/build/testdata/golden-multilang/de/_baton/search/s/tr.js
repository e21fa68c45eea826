batonSearch.shard("tr",[
["treffen",["treffen","CGA"]]
]);

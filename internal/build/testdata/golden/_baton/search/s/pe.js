batonSearch.shard("pe",[
["peopl",["people","IGAFGA"]],
["per",["per","FHD"]]
]);

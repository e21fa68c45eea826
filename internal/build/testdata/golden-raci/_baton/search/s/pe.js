batonSearch.shard("pe",[
["peopl",["people","CGA"]]
]);

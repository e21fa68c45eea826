batonSearch.shard("pe",[
["peopl",["people","GGA"]]
]);

batonSearch.shard("ve",[
["verantwortet",["verantwortet","EFBBFB"]]
]);

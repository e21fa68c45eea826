batonSearch.shard("ow",[
["own",["owns","EFBBFB"]]
]);

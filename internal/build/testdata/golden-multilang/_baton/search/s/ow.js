batonSearch.shard("ow",[
["own",["owns","FFBBFB"]]
]);

batonSearch.shard("ow",[
["own",["owns","FHCBFBBFBBFB"]]
]);

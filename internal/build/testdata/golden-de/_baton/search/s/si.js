batonSearch.shard("si",[
["sie",["sie","AKACPB"]]
]);

batonSearch.shard("si",[
["sie",["sie","AKACLB"]]
]);

batonSearch.shard("of",[
["oft",["oft","CHBBGA"]]
]);

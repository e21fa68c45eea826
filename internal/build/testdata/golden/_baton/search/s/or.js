batonSearch.shard("or",[
["ordinari",["ordinary","FHB"]]
]);

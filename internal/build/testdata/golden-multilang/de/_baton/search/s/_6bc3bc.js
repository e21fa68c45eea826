batonSearch.shard("kü",[
["kürzere",["kürzere","CHA"]]
]);

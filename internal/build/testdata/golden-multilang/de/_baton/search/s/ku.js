batonSearch.shard("ku",[
["kurz",["kürzere","CHA"]]
]);

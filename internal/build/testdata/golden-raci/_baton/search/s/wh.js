batonSearch.shard("wh",[
["whole",["whole","GGA"]]
]);

batonSearch.shard("da",[
["das",["das","ELCBGA"]]
]);

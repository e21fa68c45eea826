batonSearch.shard("da",[
["das",["das","DGABHCCAA"]]
]);

batonSearch.shard("ap",[
["applaus",["applause","GHEGAA"]]
]);

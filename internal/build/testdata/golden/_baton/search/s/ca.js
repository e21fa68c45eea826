batonSearch.shard("ca",[
["callout",["callout","OHA"]]
]);

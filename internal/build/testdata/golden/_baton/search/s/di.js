batonSearch.shard("di",[
["discov",["discover","JCA"]]
]);

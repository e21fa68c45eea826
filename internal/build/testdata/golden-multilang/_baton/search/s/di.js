batonSearch.shard("di",[
["discov",["discover","HCA"]]
]);

batonSearch.shard("du",[
["durch",["durch","HGA"]]
]);

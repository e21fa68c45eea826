batonSearch.shard("cl",[
["clariti",["clarity","HHD"]]
]);

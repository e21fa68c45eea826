batonSearch.shard("sh",[
["shape",["shapes","FGA"]]
]);

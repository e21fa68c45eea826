batonSearch.shard("kl",[
["klare",["klare","FHD"]]
]);

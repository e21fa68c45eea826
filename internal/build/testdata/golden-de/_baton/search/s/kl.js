batonSearch.shard("kl",[
["klar",["klare","FHD"]]
]);

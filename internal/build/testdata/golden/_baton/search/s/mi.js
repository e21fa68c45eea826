batonSearch.shard("mi",[
["minut",["minute","FHD"]]
]);

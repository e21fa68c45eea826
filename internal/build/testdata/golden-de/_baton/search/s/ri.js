batonSearch.shard("ri",[
["richten",["richten","CHB"]]
]);

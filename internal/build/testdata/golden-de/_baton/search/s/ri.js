batonSearch.shard("ri",[
["richt",["richten","CHB"]]
]);

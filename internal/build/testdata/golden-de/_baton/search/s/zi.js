batonSearch.shard("zi",[
["ziel",["ziele","FHD"]]
]);

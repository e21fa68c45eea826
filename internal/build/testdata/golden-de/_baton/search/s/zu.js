batonSearch.shard("zu",[
["zuhört",["zuhört","EHD"]]
]);

batonSearch.shard("le",[
["leitet",["leitet","EFC"]]
]);

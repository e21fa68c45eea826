batonSearch.shard("re",[
["responsibiliti",["responsibilities","EFC"]]
]);

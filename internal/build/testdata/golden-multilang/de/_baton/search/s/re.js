batonSearch.shard("re",[
["respons",["responsibilities","EFC"]]
]);

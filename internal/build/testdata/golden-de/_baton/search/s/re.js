batonSearch.shard("re",[
["respons",["responsibilities","EFE"]]
]);

batonSearch.shard("re",[
["read",["read","EHB"]],
["respons",["responsibilities","FFC"]]
]);

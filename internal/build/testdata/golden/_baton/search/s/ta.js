batonSearch.shard("ta",[
["tabl",["table","FFC"]]
]);

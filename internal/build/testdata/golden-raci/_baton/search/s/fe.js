batonSearch.shard("fe",[
["feel",["feels","FGA"]]
]);

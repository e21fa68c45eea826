batonSearch.shard("ke",[
["keep",["keeps","FGA"]]
]);

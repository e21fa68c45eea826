batonSearch.shard("ke",[
["keep",["keeping","DHBEAA"]]
]);

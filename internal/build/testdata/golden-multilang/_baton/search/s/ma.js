batonSearch.shard("ma",[
["matter",["matters","EFB"]]
]);

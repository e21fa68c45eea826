batonSearch.shard("me",[
["menschen",["menschen","FGA"]]
]);

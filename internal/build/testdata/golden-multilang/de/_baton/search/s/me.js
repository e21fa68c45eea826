batonSearch.shard("me",[
["mensch",["menschen","FGA"]]
]);

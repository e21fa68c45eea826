batonSearch.shard("ev",[
["everyon",["everyone","FGA"]]
]);

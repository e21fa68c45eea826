batonSearch.shard("en",[
["english",["english","DAA"]]
]);

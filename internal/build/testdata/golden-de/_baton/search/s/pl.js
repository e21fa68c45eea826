batonSearch.shard("pl",[
["plan",["planen","DKA"]],
["planung",["planung","DCABHECAA"]]
]);

batonSearch.shard("pl",[
["planen",["planen","DKA"]],
["planung",["planung","DCABHECAA"]]
]);

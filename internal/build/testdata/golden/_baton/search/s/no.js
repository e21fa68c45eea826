batonSearch.shard("no",[
["note",["notes","BAA"]]
]);

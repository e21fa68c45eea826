batonSearch.shard("zw",[
["zwei",["zwei","DHA"]],
["zweit",["zweite","CFC"]]
]);

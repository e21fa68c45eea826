batonSearch.shard("ei",[
["ein",["ein","ALA"]]
]);

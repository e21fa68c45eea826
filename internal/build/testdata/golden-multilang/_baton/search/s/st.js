batonSearch.shard("st",[
["start",["start","AHA","started","EAA"]]
]);

batonSearch.shard("de",[
["defin",["define","GCA"]],
["dem",["dem","AKA"]],
["den",["den","CHC"]],
["der",["der","HKA"]]
]);

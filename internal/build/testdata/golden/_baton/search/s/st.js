batonSearch.shard("st",[
["start",["start","AHADKABHB","started","FAAIHA"]],
["step",["steps","NAA"]],
["string",["strings","HGA"]]
]);

batonSearch.shard("ex",[
["exampl",["example","FHB"]],
["extern",["external","FHB"]]
]);

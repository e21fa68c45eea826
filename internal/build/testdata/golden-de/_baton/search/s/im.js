batonSearch.shard("im",[
["im",["im","CGACGA"]]
]);

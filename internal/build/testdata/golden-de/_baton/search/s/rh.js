batonSearch.shard("rh",[
["rhythmus",["rhythmus","CHCBAAEHA"]]
]);

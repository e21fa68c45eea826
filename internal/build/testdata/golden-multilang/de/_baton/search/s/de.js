batonSearch.shard("de",[
["dem",["dem","AHA"]],
["des",["des","DHB"]],
["design",["design","DCACAABCA"]]
]);

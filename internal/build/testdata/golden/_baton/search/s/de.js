batonSearch.shard("de",[
["decid",["decide","GHEDGA"]],
["defin",["define","KCA"]],
["deliv",["deliver","LCA"]],
["design",["design","ECAEEACCA"]],
["detail",["details","EFB"]]
]);

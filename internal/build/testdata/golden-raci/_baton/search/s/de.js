batonSearch.shard("de",[
["decid",["decides","DGA"]],
["decis",["decision","ICADCA"]],
["design",["design","CGADEACCABCABCABEABCA"]]
]);

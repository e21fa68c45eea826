batonSearch.shard("ha",[
["halt",["hält","EGA"]],
["handbuch",["handbuch","AAA"]]
]);

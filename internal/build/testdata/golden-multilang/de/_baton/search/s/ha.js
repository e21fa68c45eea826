batonSearch.shard("ha",[
["handbuch",["handbuch","AAA"]]
]);

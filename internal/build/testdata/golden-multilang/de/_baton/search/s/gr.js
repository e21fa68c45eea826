batonSearch.shard("gr",[
["grundlagen",["grundlagen","DCA"]]
]);

batonSearch.shard("gr",[
["grundlag",["grundlagen","DCA"]]
]);

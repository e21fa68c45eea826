batonSearch.shard("gr",[
["grow",["grow","MCA"]]
]);

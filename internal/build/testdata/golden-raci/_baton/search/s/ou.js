batonSearch.shard("ou",[
["outcom",["outcome","MCA"]],
["output",["output","HCA"]]
]);

batonSearch.shard("ko",[
["kollegen",["kollegen","HGA"]],
["kolleginnen",["kolleginnen","HGA"]],
["kommt",["kommt","EHECGA"]]
]);

batonSearch.shard("ko",[
["kolleg",["kollegen","HGA"]],
["kolleginn",["kolleginnen","HGA"]],
["kommt",["kommt","EHECGA"]]
]);

batonSearch.shard("bu",[
["build",["builds","HGA"]],
["builder",["builders","NHA"]],
["busi",["business","IHD"]]
]);

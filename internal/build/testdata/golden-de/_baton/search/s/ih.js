batonSearch.shard("ih",[
["ihr",["ihre","CHB"]]
]);

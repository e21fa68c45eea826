batonSearch.shard("ne",[
["next",["next","DHBEGA"]]
]);

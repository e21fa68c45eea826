batonSearch.shard("co",[
["com",["com","FHB"]],
["conductor",["conductor","FOABEADGABGABCABGAEHA"]]
]);

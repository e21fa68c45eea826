batonSearch.shard("zu",[
["zustand",["zuständigkeiten","EFC"]]
]);

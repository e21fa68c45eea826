batonSearch.shard("zu",[
["zuhort",["zuhört","EHD"]],
["zustand",["zuständigkeiten","EFE"]]
]);

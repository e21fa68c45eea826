batonSearch.shard("re",[
["read",["read","FHB","reads","GHEEGA"]],
["research",["research","IHD"]],
["respons",["responsibilities","GFEBFE"]]
]);

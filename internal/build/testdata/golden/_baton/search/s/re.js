batonSearch.shard("re",[
["read",["read","FHB","reads","GHEEGAFHA"]],
["research",["research","IHD"]],
["respons",["responsibilities","GFEBFE"]]
]);

batonSearch.shard("th",[
["the",["the","HAA"]]
]);

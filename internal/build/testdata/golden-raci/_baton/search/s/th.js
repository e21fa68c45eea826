batonSearch.shard("th",[
["the",["the","HAACAABAABAABAA"]]
]);

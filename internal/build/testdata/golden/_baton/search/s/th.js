batonSearch.shard("th",[
["the",["the","DAABEAFAABEABAA"]]
]);

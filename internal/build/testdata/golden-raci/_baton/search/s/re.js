batonSearch.shard("re",[
["releas",["release","CAABHBBHBEAABAA"]],
["respons",["responsible","DFBBFBBFBCHABHABHABHABHABHA"]],
["review",["review","CHA","reviewing","FHBFAA"]]
]);

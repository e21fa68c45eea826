batonSearch.shard("re",[
["releas",["release","CAABHBBHBEAABAA"]],
["respons",["responsibilities","DFBBFBBFB"]],
["review",["review","CHA","reviewing","FHBFAA"]]
]);

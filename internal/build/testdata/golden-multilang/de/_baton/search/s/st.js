batonSearch.shard("st",[
["startseit",["startseite","AGA"]]
]);

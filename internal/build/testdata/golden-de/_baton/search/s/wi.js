batonSearch.shard("wi",[
["wichtigsten",["wichtigsten","BHA"]],
["wie",["wie","BGACGA"]],
["willkommen",["willkommen","AKA"]],
["wir",["wir","DKA"]]
]);

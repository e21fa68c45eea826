batonSearch.shard("wi",[
["wichtig",["wichtigsten","BHA"]],
["willkomm",["willkommen","AKA"]]
]);

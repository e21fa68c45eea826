batonSearch.shard("wi",[
["willkomm",["willkommen","AHA"]]
]);

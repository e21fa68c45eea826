batonSearch.shard("ar",[
["arbeit",["arbeit","BGA"]]
]);

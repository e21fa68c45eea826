batonSearch.shard("ar",[
["arbeit",["arbeiten","BGA"]]
]);

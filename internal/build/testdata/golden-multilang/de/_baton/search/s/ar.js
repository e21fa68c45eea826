batonSearch.shard("ar",[
["arbeiten",["arbeiten","BGA"]]
]);

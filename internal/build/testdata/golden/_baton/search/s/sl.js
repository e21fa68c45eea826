batonSearch.shard("sl",[
["slug",["slug","EGA"]]
]);

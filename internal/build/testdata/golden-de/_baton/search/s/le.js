batonSearch.shard("le",[
["leitet",["leitet","EFE"]],
["les",["lesen","CHC"]]
]);

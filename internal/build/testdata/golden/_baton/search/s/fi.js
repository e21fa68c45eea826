batonSearch.shard("fi",[
["first",["first","AHAFKAIAA"]]
]);

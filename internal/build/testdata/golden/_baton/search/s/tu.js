batonSearch.shard("tu",[
["tune",["tuning","HHEEAA"]]
]);

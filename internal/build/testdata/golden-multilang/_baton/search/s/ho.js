batonSearch.shard("ho",[
["home",["home","AGA"]]
]);

batonSearch.shard("on",[
["onboard",["onboarding","CCABCA"]]
]);

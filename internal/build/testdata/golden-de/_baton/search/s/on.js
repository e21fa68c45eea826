batonSearch.shard("on",[
["onboarding",["onboarding","CCABCA"]]
]);

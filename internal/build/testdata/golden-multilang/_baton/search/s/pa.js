batonSearch.shard("pa",[
["page",["page","AGADGA"]]
]);

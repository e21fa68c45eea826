batonSearch.shard("ea",[
["earn",["earning","GHEGAA"]]
]);

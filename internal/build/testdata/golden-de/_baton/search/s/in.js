batonSearch.shard("in",[
["influenc",["influences","EFCBFC"]]
]);

batonSearch.shard("in",[
["interaktionsdesign",["interaktionsdesign","FHB"]]
]);

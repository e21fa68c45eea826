batonSearch.shard("wo",[
["woodwind",["woodwinds","IGA"]],
["work",["work","CGA"]]
]);

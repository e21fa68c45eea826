batonSearch.shard("li",[
["listen",["listen","FHBBHD"]]
]);

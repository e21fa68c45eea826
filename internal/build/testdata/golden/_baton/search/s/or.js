batonSearch.shard("or",[
["ordinari",["ordinary","FHBJAA"]]
]);

batonSearch.shard("an",[
["answer",["answers","AGAGGA"]]
]);

batonSearch.shard("in",[
["influenc",["influence","ECABCA","influences","GFCBFCBFC"]],
["instrument",["instrument","FHB","instruments","HKAEAA"]],
["interact",["interaction","IHB"]]
]);

batonSearch.shard("ti",[
["tie",["tied","IHD"]],
["time",["time","FHCBGA"]]
]);

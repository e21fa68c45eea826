batonSearch.shard("be",[
["beginn",["beginne","AHA"]],
["beruhr",["berühren","FGA"]],
["besprech",["besprechungen","AHACEA"]]
]);

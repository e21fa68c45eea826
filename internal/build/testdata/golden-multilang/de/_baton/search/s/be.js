batonSearch.shard("be",[
["beginn",["beginne","AHA"]],
["berühren",["berühren","FGA"]],
["besprechungen",["besprechungen","AHACEA"]]
]);

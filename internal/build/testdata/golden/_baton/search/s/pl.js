batonSearch.shard("pl",[
["plain",["plain","BKA"]],
["plan",["plan","GHEEGADHA"]],
["play",["play","FHB"]],
["playbook",["playbook","AHAFGA","playbooks","CEABCA"]],
["player",["player","PHA","players","GHD"]]
]);

batonSearch.shard("pl",[
["playbook",["playbook","AHAEGA","playbooks","BEABCABCABCA"]]
]);

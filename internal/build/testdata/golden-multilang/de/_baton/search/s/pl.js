batonSearch.shard("pl",[
["playbook",["playbook","AHADGA","playbooks","BEABCABCA"]]
]);

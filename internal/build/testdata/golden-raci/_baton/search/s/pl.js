batonSearch.shard("pl",[
["plan",["plan","CHAFCABCA"]],
["playbook",["playbook","AHA","playbooks","BEABCA"]]
]);

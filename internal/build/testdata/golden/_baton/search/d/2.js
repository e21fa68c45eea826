batonSearch.doc(2,{"url":"/playbooks/","title":"Playbooks","sections":[["","","How we work. All the playbooks."]]});

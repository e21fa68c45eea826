batonSearch.doc(0,{"url":"/","title":"Test Handbook","sections":[["","","The home page. Welcome. Start with the first playbook, or see Meetings."]]});
batonSearch.doc(1,{"url":"/playbooks/","title":"Playbooks","sections":[["","","How we work. All the playbooks."]]});
batonSearch.doc(2,{"url":"/playbooks/meetings/","title":"Meetings","section":"Playbooks","sections":[["","","How we meet. Fewer, shorter meetings."]]});
batonSearch.doc(3,{"url":"/playbooks/only-english/","title":"Only in English","section":"Playbooks","sections":[["","","A page not yet translated. Nobody has translated this yet."]]});

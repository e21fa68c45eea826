batonSearch.doc(0,{"url":"/","title":"Test Handbook","sections":[["","","The home page. Welcome. Start with the first playbook or the path."]]});
batonSearch.doc(1,{"url":"/notes/","title":"Notes","sections":[["","","A plain page at the root. Plain page with emphasis and “quotes” – and dashes…"]]});
batonSearch.doc(2,{"url":"/playbooks/","title":"Playbooks","sections":[["","","How we work. All the playbooks."]]});
batonSearch.doc(3,{"url":"/playbooks/basics/","title":"The basics","section":"Playbooks","sections":[["","","Where to start. Start here."]]});

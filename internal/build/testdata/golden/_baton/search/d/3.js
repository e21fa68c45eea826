batonSearch.doc(3,{"url":"/playbooks/basics/","title":"The basics","section":"Playbooks","sections":[["","","Where to start. Start here."]]});

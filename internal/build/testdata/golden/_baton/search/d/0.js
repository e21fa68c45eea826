batonSearch.doc(0,{"url":"/","title":"Test Handbook","sections":[["","","The home page. Welcome. Start with the first playbook or the path."]]});

batonSearch.doc(4,{"url":"/guide/tools/","title":"Tools","section":"Guide","sections":[["","","The tools we use. The tools we use."]]});
batonSearch.doc(5,{"url":"/setup/","title":"Setup","sections":[["","","Set up your machine. Set up your machine."]]});
batonSearch.doc(6,{"url":"/setup/accounts/","title":"Accounts","section":"Setup","sections":[["","","The accounts. The accounts."]]});
batonSearch.doc(7,{"url":"/setup/laptop/","title":"Laptop","section":"Setup","sections":[["","","The laptop. The laptop."]]});

batonSearch.doc(9,{"url":"/responsibilities/set-tempo/","title":"Setting the tempo","section":"Responsibilities","sections":[["","","Decide how fast we go. Led by Conductor."]]});

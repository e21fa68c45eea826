batonSearch.doc(11,{"url":"/responsibilities/tune-instruments/","title":"Tuning the instruments","section":"Responsibilities","sections":[["","","Led by Engineering."]]});

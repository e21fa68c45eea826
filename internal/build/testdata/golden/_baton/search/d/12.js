batonSearch.doc(12,{"url":"/responsibilities/applause/","title":"Earning applause","section":"Responsibilities","sections":[["","","Led by Conductor."]]});

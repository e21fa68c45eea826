batonSearch.doc(10,{"url":"/responsibilities/write-score/","title":"Writing the score","section":"Responsibilities","sections":[["","","The plan everyone reads. Led by Conductor."]]});

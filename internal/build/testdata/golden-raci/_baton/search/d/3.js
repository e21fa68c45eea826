batonSearch.doc(12,{"url":"/responsibilities/run-service/","title":"Running the service","section":"Responsibilities","sections":[["","","Responsible Engineering."]]});

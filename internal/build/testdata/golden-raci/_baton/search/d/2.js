batonSearch.doc(8,{"url":"/responsibilities/scope/","title":"Scoping a release","section":"Responsibilities","sections":[["","","Responsible Product Manager."]]});
batonSearch.doc(9,{"url":"/responsibilities/build-release/","title":"Building the release","section":"Responsibilities","sections":[["","","Responsible Engineering."]]});
batonSearch.doc(10,{"url":"/responsibilities/design-review/","title":"Reviewing the design","section":"Responsibilities","sections":[["","","Responsible Design."]]});
batonSearch.doc(11,{"url":"/responsibilities/launch-call/","title":"Making the launch call","section":"Responsibilities","sections":[["","","Responsible Product Manager."]]});

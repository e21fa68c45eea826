batonSearch.doc(4,{"url":"/roles/engineering/","title":"Engineering","section":"Roles","sections":[["","","Builds and runs the product."],["responsibilities","Responsible for","Building the release. Running the service."]]});
batonSearch.doc(5,{"url":"/roles/design/","title":"Design","section":"Roles","sections":[["","","Shapes how the product works and feels."],["responsibilities","Responsible for","Reviewing the design."]]});
batonSearch.doc(6,{"url":"/roles/head-of-product/","title":"Head of Product","section":"Roles","sections":[["","","Answers for the product as a whole."]]});
batonSearch.doc(7,{"url":"/responsibilities/roadmap/","title":"Keeping the roadmap","section":"Responsibilities","sections":[["","","What we build next, and why. Responsible Product Manager."]]});

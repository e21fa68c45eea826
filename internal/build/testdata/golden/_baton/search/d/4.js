batonSearch.doc(4,{"url":"/playbooks/basics/page-two/","title":"The second page","section":"The basics","sections":[["","","Has a slug."],["details","Details","Back to the start."]]});

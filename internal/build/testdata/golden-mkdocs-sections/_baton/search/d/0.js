batonSearch.doc(0,{"url":"/","title":"Field manual","sections":[["","","How we work. How we work."]]});
batonSearch.doc(1,{"url":"/guide/","title":"Guide","sections":[["","",""]]});
batonSearch.doc(2,{"url":"/guide/access/","title":"Access","section":"Guide","sections":[["","","Ask for access. Ask for access."]]});
batonSearch.doc(3,{"url":"/guide/notes/","title":"Notes","section":"Guide","sections":[["","","Not in the nav. Not in the nav."]]});

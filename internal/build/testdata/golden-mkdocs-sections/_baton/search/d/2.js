batonSearch.doc(8,{"url":"/welcome/","title":"Welcome","sections":[["","","Start here, then the tools. Start here, then the tools."]]});

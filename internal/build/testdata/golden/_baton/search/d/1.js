batonSearch.doc(1,{"url":"/notes/","title":"Notes","sections":[["","","A plain page at the root. Plain page with emphasis and “quotes” – and dashes…"]]});

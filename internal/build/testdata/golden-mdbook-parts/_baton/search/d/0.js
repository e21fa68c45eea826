batonSearch.doc(0,{"url":"/","title":"A small book","sections":[["","",""]]});
batonSearch.doc(1,{"url":"/basics-names/","title":"Names","sections":[["","","Text of Names. Text of Names."]]});
batonSearch.doc(2,{"url":"/basics-values/","title":"Values","sections":[["","","Text of Values. Text of Values."]]});
batonSearch.doc(3,{"url":"/basics/","title":"Basics","sections":[["","","Text of Basics. Text of Basics."]]});

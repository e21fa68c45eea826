batonSearch.doc(4,{"url":"/contributors/","title":"Contributors","sections":[["","","Text of Contributors. Text of Contributors."]]});
batonSearch.doc(5,{"url":"/intro/","title":"Introduction","sections":[["","","Text of Introduction. Text of Introduction."]]});
batonSearch.doc(6,{"url":"/tools/","title":"Tools","sections":[["","","Text of Tools. Text of Tools."]]});
batonSearch.doc(7,{"url":"/traits/","title":"Traits","sections":[["","","Text of Traits. Text of Traits."]]});

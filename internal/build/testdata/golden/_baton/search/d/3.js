batonSearch.doc(12,{"url":"/responsibilities/applause/","title":"Earning applause","section":"Responsibilities","sections":[["","","Led by Conductor."]]});
batonSearch.doc(13,{"url":"/paths/first/","title":"First steps","section":"Reading paths","sections":[["","","A short path. New people Getting started. Begin here. Engineering. Meet the builders. Writing the score. See the plan. The second page. Then this."]]});
batonSearch.doc(14,{"url":"/glossary/","title":"Ordinary quote","section":"Glossary","sections":[["term-ordinary-quote","","A quote that is not a callout."]]});
batonSearch.doc(15,{"url":"/glossary/","title":"Score","section":"Glossary","sections":[["term-score","","The written music every player reads from."]]});

batonSearch.doc(12,{"url":"/responsibilities/applause/","title":"Earning applause","section":"Responsibilities","sections":[["","","Led by Conductor."]]});
batonSearch.doc(13,{"url":"/paths/first/","title":"First steps","section":"Reading paths","sections":[["","","A short path. New people Getting started. Begin here. Engineering. Meet the builders. Writing the score. See the plan. The second page. Then this."]]});
batonSearch.doc(14,{"url":"/glossary/#term-ordinary-quote","title":"Ordinary quote","section":"Glossary","sections":[["","","A quote that is not a callout."]]});
batonSearch.doc(15,{"url":"/glossary/#term-score","title":"Score","section":"Glossary","sections":[["","","The written music every player reads from."]]});

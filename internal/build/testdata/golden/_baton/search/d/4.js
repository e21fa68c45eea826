batonSearch.doc(16,{"url":"/glossary/#term-tempo","title":"Tempo","section":"Glossary","sections":[["","","How fast the music goes; the conductor sets it."]]});

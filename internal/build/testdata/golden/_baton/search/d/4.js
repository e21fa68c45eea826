batonSearch.doc(16,{"url":"/glossary/","title":"Tempo","section":"Glossary","sections":[["term-tempo","","How fast the music goes; the conductor sets it."]]});

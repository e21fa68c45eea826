batonSearch.doc(0,{"url":"/","title":"Produkthandbuch","sections":[["","","Willkommen. Beginnen Sie mit dem Einstieg. Willkommen. Beginnen Sie mit dem Einstieg."]]});
batonSearch.doc(1,{"url":"/abläufe/","title":"Abläufe","sections":[["","","Wie die Arbeit fließt. Die wichtigsten Abläufe."]]});
batonSearch.doc(2,{"url":"/abläufe/einstieg/","title":"Einstieg","section":"Abläufe","sections":[["","","Die ersten Schritte im Team."],["erste-woche","Erste Woche","Richten Sie Ihre Umgebung ein: make setup\n  Fragen Sie früh und oft."],["zweite-woche","Zweite Woche","Lesen Sie den Rhythmus."]]});
batonSearch.doc(3,{"url":"/abläufe/rhythmus/","title":"Rhythmus","section":"Abläufe","sections":[["","","Wie oft wir planen. Wir planen alle zwei Wochen."]]});

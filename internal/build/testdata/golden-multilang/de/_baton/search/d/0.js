batonSearch.doc(0,{"url":"/","title":"Test-Handbuch","sections":[["","","Die Startseite. Willkommen. Beginne mit dem ersten Playbook oder lies Besprechungen. Ein Punkt: Ein Punkt"]]});
batonSearch.doc(1,{"url":"/playbooks/","title":"Playbooks","sections":[["","","Wie wir arbeiten. Alle Playbooks."]]});
batonSearch.doc(2,{"url":"/playbooks/besprechungen/","title":"Besprechungen","section":"Playbooks","sections":[["","","Wie wir uns treffen. Weniger, kürzere Besprechungen."]]});
batonSearch.doc(3,{"url":"/playbooks/start/","title":"Erste Schritte","section":"Playbooks","sections":[["","","Das erste Playbook."],["warum-es-zählt","Warum es zählt","Lies die Rolle des Dirigenten."]]});

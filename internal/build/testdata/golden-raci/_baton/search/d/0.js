batonSearch.doc(0,{"url":"/","title":"RACI Handbook","sections":[["","","Who does what, and who answers for it. Start with the playbook."]]});
batonSearch.doc(1,{"url":"/playbooks/","title":"Playbooks","sections":[["","","How we work. The playbooks."]]});
batonSearch.doc(2,{"url":"/playbooks/launch/","title":"Launching a release","section":"Playbooks","sections":[["","","From the roadmap to a product people run. Plan the roadmap, scope it, build it, review the design, make the launch call and run the service."]]});
batonSearch.doc(3,{"url":"/roles/pm/","title":"Product Manager","section":"Roles","sections":[["","","Decides what to build and why."],["responsibilities","Responsible for","Keeping the roadmap. What we build next, and why. Scoping a release. Making the launch call."]]});

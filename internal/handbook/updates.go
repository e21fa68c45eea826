package handbook

import "time"

// Change is one commit's change to one source file, from git's history,
// as the resolver reads the file ("content/guide/setup.md").
type Change struct {
	File    string
	When    int64
	Commit  string
	Subject string
}

// Update is a change to a page, role or reading path of the site, for the
// recently updated page and the feed.
type Update struct {
	Title, URL string
	When       int64
	// Commit is the commit's hash; Subject the first line of its message.
	Commit, Subject string
}

// maxUpdates is how many of the newest changes the site shows.
const maxUpdates = 50

// updates keeps the newest changes to what the site publishes as a page
// (not static files, drafts or deleted files), newest first, as git's log
// gives them: only git's data, never the clock.
func (r *resolver) updates() {
	for _, c := range r.opts.Changes {
		if len(r.site.Updates) == maxUpdates {
			return
		}
		if r.static[c.File] != nil {
			continue
		}
		h, file, ok := r.target(c.File, false)
		if !ok || r.sentOn[file] != "" {
			continue
		}
		r.site.Updates = append(r.site.Updates, Update{Title: r.titleOf(file, h.URL), URL: h.URL, When: c.When, Commit: c.Commit, Subject: Shorten(c.Subject, 160)})
	}
}

// Time is the moment of an update, as HTML's datetime and Atom write it.
func (u Update) Time() string { return time.Unix(u.When, 0).UTC().Format(time.RFC3339) }

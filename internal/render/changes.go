package render

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/batonhq/baton/internal/handbook"
)

// day is the changes of one day, for the recently updated page: each
// commit once, with the pages it changed.
type day struct {
	Day, ID string
	Commits []commit
}

type commit struct {
	Subject string
	Updates []Change
}

// byDay groups changes, newest first, by day and by commit.
func byDay(changes []Change) []day {
	var days []day
	for i, u := range changes {
		if len(days) == 0 || days[len(days)-1].ID != u.DayID {
			days = append(days, day{Day: u.Day, ID: u.DayID})
		}
		cur := &days[len(days)-1]
		if i == 0 || len(cur.Commits) == 0 || u.Commit != changes[i-1].Commit {
			cur.Commits = append(cur.Commits, commit{Subject: u.Subject})
		}
		c := &cur.Commits[len(cur.Commits)-1]
		c.Updates = append(c.Updates, u)
	}
	return days
}

// hasFeed reports whether the site has a feed of its changes: it needs
// changes, and a base URL that names its host, as feed readers take only
// absolute addresses.
func hasFeed(site *handbook.Site) bool { return len(site.Updates) > 0 && site.Config.Absolute() }

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary,omitempty"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  string      `xml:"author>name"`
	Entries []atomEntry `xml:"entry"`
}

// feed writes the Atom feed of the site's updates. Each entry is one
// commit's change to one page; its id names both (the commit by its
// hash), so a reader shows a later change to the same page as new.
func feed(w io.Writer, site *handbook.Site) error {
	base := strings.TrimSuffix(site.Config.BaseURL, "/")
	f := atomFeed{
		Title:   words(site).T("feed.title", "site", site.Config.Title),
		ID:      base + "/changes/",
		Updated: site.Updates[0].Time(),
		Links:   []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + "/feed.xml"}, {Rel: "alternate", Type: "text/html", Href: base + "/changes/"}},
		Author:  site.Config.Title,
	}
	for _, u := range site.Updates {
		f.Entries = append(f.Entries, atomEntry{
			Title: u.Title, ID: base + u.URL + "#changed-" + u.Commit, Updated: u.Time(),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: base + u.URL}, Summary: u.Subject,
		})
	}
	io.WriteString(w, xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

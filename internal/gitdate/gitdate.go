// Package gitdate reads a site's git history: when each file was last
// committed, so pages can say when they were updated without reading the
// clock, and which files were renamed, so their old URLs can redirect.
package gitdate

import (
	"bufio"
	"bytes"
	"context"
	"maps"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Dates returns the Unix time of the last commit of each file under root
// (the folder of pages, relative to dir: "content", "docs", or "." for
// all of dir) of the site in dir, keyed by path relative to dir. It
// returns an empty map when dir is not in a git work tree or git is not
// installed. Files git does not know get SOURCE_DATE_EPOCH when it is
// set, and dates later than SOURCE_DATE_EPOCH are clamped to it, as
// reproducible builds ask.
func Dates(dir, root string, files []string) map[string]int64 {
	return withEpoch(readLog(dir, root).dates, files)
}

// Rename is a file git saw renamed (or moved), paths relative to the site
// folder.
type Rename struct {
	Old, New string
}

// Change is one commit's change to one file: the file as it is named
// after the commit, the commit's time, hash and the first line of its
// message.
type Change struct {
	File    string
	When    int64
	Commit  string
	Subject string
}

// maxChanges bounds the changes kept from the log: the newest, enough for
// a page of recent changes and a feed after the files that are not pages
// are left out.
const maxChanges = 2000

// history is what the log of the folder of pages says.
type history struct {
	dates map[string]int64
	// renames and changes are newest first.
	renames []Rename
	changes []Change
}

// Cache gives the dates and renames of a site, reading git's log again
// only when HEAD has moved: the dev server asks on every save, and the log
// of a long history takes far longer to read than HEAD.
type Cache struct {
	dir, root string
	mu        sync.Mutex
	head      string
	log       *history
}

// NewCache returns a Cache for the site in dir whose pages are in root.
func NewCache(dir, root string) *Cache { return &Cache{dir: dir, root: root} }

// Dates is Dates, from the cached log while HEAD stays where it was.
func (c *Cache) Dates(files []string) map[string]int64 {
	return withEpoch(c.history().dates, files)
}

// Renames lists the renames of files under the folder of pages, newest
// first, from the cached log.
func (c *Cache) Renames() []Rename {
	return c.history().renames
}

// Changes lists the newest changes to files under the folder of pages
// (added, edited, renamed; not deleted), newest first, from the cached
// log.
func (c *Cache) Changes() []Change {
	return c.history().changes
}

func (c *Cache) history() *history {
	c.mu.Lock()
	defer c.mu.Unlock()
	head := run(c.dir, "rev-parse", "--verify", "-q", "HEAD")
	if head == nil || string(head) != c.head || c.log == nil {
		c.log = readLog(c.dir, c.root)
		c.head = string(head)
	}
	return c.log
}

// run runs a git command in dir and returns its output, or nil.
func run(dir string, args ...string) []byte {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir, "-c", "core.quotePath=false"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "LC_ALL=C")
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	return out
}

// readLog reads the log of the files under root: each file's last commit
// time, and the renames (git's own detection, -M, at its default of half
// the content kept).
func readLog(dir, root string) *history {
	h := &history{dates: map[string]int64{}}
	if root == "" {
		root = "content" // a baton handbook's, as build.Options' zero Layout
	}
	data := run(dir, "log", "--format=%x00%ct %H %s", "--name-status", "-M", "--relative", "--", root)
	var when int64
	var hash, subject string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if t, ok := strings.CutPrefix(line, "\x00"); ok {
			t, rest, _ := strings.Cut(t, " ")
			hash, subject, _ = strings.Cut(rest, " ")
			when, _ = strconv.ParseInt(t, 10, 64)
			continue
		}
		// "M\tpath", "A\tpath", "D\tpath", "R097\told\tnew".
		status, rest, ok := strings.Cut(line, "\t")
		if !ok || status == "" {
			continue
		}
		file := rest
		if status[0] == 'R' {
			old, nu, ok := strings.Cut(rest, "\t")
			if !ok {
				continue
			}
			h.renames = append(h.renames, Rename{Old: old, New: nu})
			file = nu
		}
		if _, seen := h.dates[file]; !seen {
			h.dates[file] = when
		}
		if status[0] != 'D' && len(h.changes) < maxChanges {
			h.changes = append(h.changes, Change{File: file, When: when, Commit: hash, Subject: subject})
		}
	}
	return h
}

// withEpoch applies SOURCE_DATE_EPOCH to a copy of the log's dates.
func withEpoch(log map[string]int64, files []string) map[string]int64 {
	out := maps.Clone(log)
	if epoch, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil && epoch > 0 {
		for _, f := range files {
			if d, ok := out[f]; !ok || d > epoch {
				out[f] = epoch
			}
		}
	}
	return out
}

// Package gitdate finds when each file of a site was last committed, so
// pages can say when they were updated without reading the clock.
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

// Dates returns the Unix time of the last commit of each file under
// content/ of the site in dir, keyed by path relative to dir. It returns an
// empty map when dir is not in a git work tree or git is not installed.
// Files git does not know get SOURCE_DATE_EPOCH when it is set, and dates
// later than SOURCE_DATE_EPOCH are clamped to it, as reproducible builds ask.
func Dates(dir string, files []string) map[string]int64 {
	return withEpoch(readLog(dir), files)
}

// Cache gives the dates of Dates, reading git's log again only when HEAD
// has moved: the dev server asks on every save, and the log of a long
// history takes far longer to read than HEAD.
type Cache struct {
	dir  string
	mu   sync.Mutex
	head string
	log  map[string]int64
}

// NewCache returns a Cache for the site in dir.
func NewCache(dir string) *Cache { return &Cache{dir: dir} }

// Dates is Dates, from the cached log while HEAD stays where it was.
func (c *Cache) Dates(files []string) map[string]int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	head := run(c.dir, "rev-parse", "--verify", "-q", "HEAD")
	if head == nil || string(head) != c.head || c.log == nil {
		c.log = readLog(c.dir)
		c.head = string(head)
	}
	return withEpoch(c.log, files)
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

// readLog maps each file under content/ to its last commit time.
func readLog(dir string) map[string]int64 {
	out := map[string]int64{}
	data := run(dir, "log", "--format=%x00%ct", "--name-only", "--no-renames", "--relative", "--", "content")
	var when int64
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if t, ok := strings.CutPrefix(line, "\x00"); ok {
			when, _ = strconv.ParseInt(strings.TrimSpace(t), 10, 64)
			continue
		}
		if line == "" {
			continue
		}
		if _, seen := out[line]; !seen {
			out[line] = when
		}
	}
	return out
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

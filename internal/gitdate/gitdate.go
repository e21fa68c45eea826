// Package gitdate finds when each file of a site was last committed, so
// pages can say when they were updated without reading the clock.
package gitdate

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// Dates returns the Unix time of the last commit of each file under
// content/ of the site in dir, keyed by path relative to dir. It returns an
// empty map when dir is not in a git work tree or git is not installed.
// Files git does not know get SOURCE_DATE_EPOCH when it is set, and dates
// later than SOURCE_DATE_EPOCH are clamped to it, as reproducible builds ask.
func Dates(dir string, files []string) map[string]int64 {
	out := map[string]int64{}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "git", "-C", dir, "-c", "core.quotePath=false", "log", "--format=%x00%ct", "--name-only", "--no-renames", "--relative", "--", "content")
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "LC_ALL=C")
	data, err := cmd.Output()
	if err == nil {
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
	}
	if epoch, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil && epoch > 0 {
		for _, f := range files {
			if d, ok := out[f]; !ok || d > epoch {
				out[f] = epoch
			}
		}
	}
	return out
}

//go:build unix

package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/batonhq/baton/internal/render"
)

// The site before and after the build that is stopped: a page changes,
// one stays, two folders go, one comes.
var (
	sweepOld = []render.File{
		{Path: "index.html", Data: []byte("home 1")},
		{Path: "a/index.html", Data: []byte("a")},
		{Path: "same.html", Data: []byte("same")},
		{Path: "gone/index.html", Data: []byte("gone")},
		{Path: "deep/x/index.html", Data: []byte("deep")},
	}
	sweepNew = []render.File{
		{Path: "index.html", Data: []byte("home 2")},
		{Path: "a/index.html", Data: []byte("a")},
		{Path: "same.html", Data: []byte("same")},
		{Path: "new/index.html", Data: []byte("new")},
	}
	// The user's files in the output: a CNAME, a git folder, a file in a
	// folder baton writes into, one in a folder the new site drops, an
	// empty folder.
	sweepMine = map[string]string{
		"CNAME":             "handbook.example.com",
		".git/config":       "[core]",
		".git/objects/ab/c": "object",
		"a/extra.txt":       "mine",
		"gone/notes.txt":    "my notes",
		".well-known/":      "",
	}
)

// sweepSite makes a site whose public/ was built builds times (twice: a
// previous output lies beside it, for the next build to write over; once:
// the next build writes from empty) with the user's files put in after.
func sweepSite(t *testing.T, c sweepCase) (dir, out string) {
	t.Helper()
	dir = site(t)
	out = filepath.Join(dir, "public")
	if c.mount {
		if err := os.Mkdir(out, 0o755); err != nil {
			t.Fatal(err)
		}
		mountTmpfs(t, out)
	}
	for range c.builds {
		if err := Write(opts(dir, out), sweepOld); err != nil {
			t.Fatal(err)
		}
	}
	if c.builds == 0 {
		return dir, out // a folder of the user's would not be baton's output
	}
	for p, body := range sweepMine {
		if strings.HasSuffix(p, "/") {
			if err := os.MkdirAll(filepath.Join(out, p), 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		writeFile(t, filepath.Join(out, p), body)
	}
	return dir, out
}

// siteFiles is what baton wrote in a snapshot: without the user's files
// and the manifest.
func siteFiles(snap map[string]string) map[string]string {
	m := map[string]string{}
	for p, body := range snap {
		if _, mine := sweepMine[filepath.ToSlash(p)]; !mine && p != Marker {
			m[p] = body
		}
	}
	return m
}

func filesMap(files []render.File) map[string]string {
	m := map[string]string{}
	for _, f := range files {
		m[filepath.FromSlash(f.Path)] = string(f.Data)
	}
	return m
}

// missingMine lists the user's files that are not in out with their bytes.
func missingMine(out string) []string {
	var missing []string
	for p, body := range sweepMine {
		info, err := os.Lstat(filepath.Join(out, p))
		if err != nil {
			missing = append(missing, p)
			continue
		}
		if strings.HasSuffix(p, "/") {
			if !info.IsDir() {
				missing = append(missing, p)
			}
			continue
		}
		if b, err := os.ReadFile(filepath.Join(out, p)); err != nil || string(b) != body {
			missing = append(missing, p)
		}
	}
	slices.Sort(missing)
	return missing
}

// checkWhole fails unless out is one whole site, the old or the new
// (or, where allowMissing, no folder at all). A file publish keeps for
// itself (the list of the user's files a swap carried over) may be left in
// it when removing it failed, for the next build to remove.
func checkWhole(t *testing.T, what, out string, allowMissing bool) {
	t.Helper()
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) && allowMissing {
		return
	}
	snap := siteFiles(snapshot(t, out))
	for p := range snap {
		if bookkeeping(p) || bookkeeping(strings.TrimPrefix(p, nextDir+string(filepath.Separator))) {
			delete(snap, p)
		}
	}
	got := fmt.Sprint(snap)
	if got != fmt.Sprint(filesMap(sweepOld)) && got != fmt.Sprint(filesMap(sweepNew)) {
		t.Errorf("%s: the output is neither the old site nor the new: %s", what, got)
	}
}

// checkSettled fails unless out is the new site with every one of the
// user's files, and beside it lies nothing but the previous output, which
// holds none of them.
func checkSettled(t *testing.T, what, dir, out string) {
	t.Helper()
	if got, want := fmt.Sprint(siteFiles(snapshot(t, out))), fmt.Sprint(filesMap(sweepNew)); got != want {
		t.Errorf("%s: output %s, want %s", what, got, want)
	}
	if m := missingMine(out); len(m) > 0 {
		t.Errorf("%s: the user's files are not in the output: %v", what, m)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if name := e.Name(); name != "content" && name != "layouts" && name != "public" && name != ".public.prev" {
			t.Errorf("%s: %s left beside the output", what, name)
		}
	}
	prev := snapshot(t, Previous(out))
	for p := range sweepMine {
		if _, ok := prev[filepath.FromSlash(p)]; ok {
			t.Errorf("%s: the previous output holds the user's %s", what, p)
		}
	}
}

// sweepCase is a rebuild the sweeps stop: over a previous output (after
// two builds) or from empty (after one), swapped in one step or by two
// renames, or into an output that is a mount point, updated in place.
type sweepCase struct {
	builds            int
	noExchange, mount bool
}

func (c sweepCase) String() string {
	switch {
	case c.mount:
		return fmt.Sprintf("%d builds before, a mount point", c.builds)
	case c.noExchange:
		return fmt.Sprintf("%d builds before, two renames", c.builds)
	}
	return fmt.Sprintf("%d builds before", c.builds)
}

var sweepCases = []sweepCase{{2, false, false}, {2, true, false}, {1, false, false}, {1, true, false}, {1, false, true}}

// sweepable reports whether c can run here, logging why not.
func sweepable(t *testing.T, c sweepCase) bool {
	t.Helper()
	if c.mount && !canMount() {
		t.Logf("%v: skipped, mounting a file system is not allowed here", c)
		return false
	}
	return true
}

// TestCrashHelper is the process TestKilledAtEveryChange kills: with
// BATON_CRASH_SITE set it writes the new site into that site's public/,
// and kills itself (SIGKILL) just before change number BATON_CRASH_AT
// (never, with 0); it prints how many changes it made when it is not
// killed.
func TestCrashHelper(t *testing.T) {
	dir := os.Getenv("BATON_CRASH_SITE")
	if dir == "" {
		t.Skip("run by TestKilledAtEveryChange")
	}
	at, _ := strconv.Atoi(os.Getenv("BATON_CRASH_AT"))
	var n atomic.Int64
	o := opts(dir, filepath.Join(dir, "public"))
	o.disk.noExchange = os.Getenv("BATON_CRASH_NO_EXCHANGE") != ""
	o.disk.before = func(op, path string) error {
		if int(n.Add(1)) == at {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {}
		}
		return nil
	}
	if err := Write(o, sweepNew); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("changes=%d\n", n.Load())
}

// crash runs TestCrashHelper on dir, to be killed before change at (0:
// never), and returns how many changes it made when it was not killed.
func crash(t *testing.T, dir string, at int, noExchange bool) (changes int, killed bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), "BATON_CRASH_SITE="+dir, fmt.Sprint("BATON_CRASH_AT=", at))
	if noExchange {
		cmd.Env = append(cmd.Env, "BATON_CRASH_NO_EXCHANGE=1")
	}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL {
		return 0, true
	}
	if err != nil {
		t.Fatalf("the build to kill at change %d failed: %v\n%s", at, err, out)
	}
	_, count, _ := strings.Cut(string(out), "changes=")
	changes, _ = strconv.Atoi(strings.Fields(count)[0])
	return changes, false
}

// TestKilledAtEveryChange kills a rebuild (SIGKILL, in a process of its
// own) just before each change it makes to the disk in turn: every
// rename, exchange, removal, new folder and new file, in writing, in
// Commit, in the swap and in tidying up. After each kill the live output
// is one whole site, old or new; then the next build is killed too, early
// in its recovery; and the build after that ends with the new site, every
// one of the user's files in the output byte for byte, and nothing left
// beside it but the previous output. Both swaps are covered: the exchange
// in one step, and the two renames used where there is none; and a build
// from empty as well as one over a previous output.
func TestKilledAtEveryChange(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a process for each change")
	}
	for _, c := range sweepCases {
		if !sweepable(t, c) {
			continue
		}
		dir, _ := sweepSite(t, c)
		total, _ := crash(t, dir, 0, c.noExchange)
		if total < 20 {
			t.Fatalf("a rebuild made %d changes: the sweep would prove little", total)
		}
		for at := 1; at <= total; at++ {
			what := fmt.Sprintf("killed at change %d of %d (%v)", at, total, c)
			dir, out := sweepSite(t, c)
			if _, killed := crash(t, dir, at, c.noExchange); !killed {
				t.Fatalf("%s: not killed", what)
			}
			if !c.mount { // in place, old and new lie side by side until the next build
				checkWhole(t, what, out, c.noExchange)
			}
			crash(t, dir, 1+at*5%13, c.noExchange) // killed in its recovery, or not
			if err := Write(opts(dir, out), sweepNew); err != nil {
				t.Fatalf("%s: the build after: %v", what, err)
			}
			checkSettled(t, what+", then built", dir, out)
			if t.Failed() {
				t.FailNow()
			}
		}
	}
}

// TestFailingAtEveryChange makes each change of a rebuild fail in turn
// (as a full or failing disk would). Whether the build fails or not, the
// output right after is one whole site with every one of the user's files
// in it, and the next build settles everything.
func TestFailingAtEveryChange(t *testing.T) {
	for _, c := range sweepCases {
		if !sweepable(t, c) {
			continue
		}
		for at := 1; ; at++ {
			what := fmt.Sprintf("failing change %d (%v)", at, c)
			dir, out := sweepSite(t, c)
			var n atomic.Int64
			o := opts(dir, out)
			o.disk.noExchange = c.noExchange
			o.disk.before = func(op, path string) error {
				if int(n.Add(1)) == at {
					return &fs.PathError{Op: op, Path: path, Err: syscall.EIO}
				}
				return nil
			}
			err := Write(o, sweepNew)
			if int(n.Load()) < at {
				break
			}
			// In place, a failure among the moves leaves the rest for the
			// next build (its plan says so); anywhere else the output is
			// whole at once.
			if !exists(filepath.Join(out, nextDir, planFile)) {
				checkWhole(t, what, out, false)
				if m := missingMine(out); len(m) > 0 {
					t.Errorf("%s (Write: %v): the user's files are not in the output: %v", what, err, m)
				}
			}
			if err := Write(opts(dir, out), sweepNew); err != nil {
				t.Fatalf("%s: the build after: %v", what, err)
			}
			checkSettled(t, what+", then built", dir, out)
			if t.Failed() {
				t.FailNow()
			}
		}
	}
}

// TestDiskFullStopsAtFirstFailure: a write that fails for want of space
// ends the transaction: the error is a WriteError that names the file and
// wraps ENOSPC, no file is made after it, and the partial new output is
// removed, where it would otherwise be kept as the previous output and
// fill the disk. The live output and the user's files stay as they were.
func TestDiskFullStopsAtFirstFailure(t *testing.T) {
	dir, out := sweepSite(t, sweepCase{builds: 2})
	before := snapshot(t, out)
	var made, after atomic.Int64
	o := opts(dir, out)
	o.disk.before = func(op, path string) error {
		if op != "create" {
			return nil
		}
		if made.Add(1) > 5 {
			after.Add(1)
			return &fs.PathError{Op: "open", Path: path, Err: syscall.ENOSPC}
		}
		return nil
	}
	var many []render.File
	for i := range 200 {
		many = append(many, render.File{Path: fmt.Sprintf("p%03d/index.html", i), Data: []byte("page")})
	}
	err := Write(o, many)
	var we *WriteError
	if !errors.As(err, &we) || !errors.Is(err, syscall.ENOSPC) || !strings.HasPrefix(we.Path, "p") {
		t.Fatalf("Write = %v, want a WriteError for a page, wrapping ENOSPC", err)
	}
	if n := after.Load(); n > int64(writers()) {
		t.Errorf("%d files were begun after the disk was full, want at most the %d being written at once", n, writers())
	}
	if got := snapshot(t, out); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("the live output changed:\n%v\nwant\n%v", got, before)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if name := e.Name(); name != "content" && name != "layouts" && name != "public" {
			t.Errorf("%s left beside the output", name)
		}
	}
}

// TestFirstBuildKilledAtEveryChange: the very first build into an output
// (none yet, or an empty mount point) killed before each of its changes in
// turn; the next build takes the output as baton's and writes the site.
func TestFirstBuildKilledAtEveryChange(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a process for each change")
	}
	for _, c := range []sweepCase{{builds: 0}, {builds: 0, mount: true}} {
		if !sweepable(t, c) {
			continue
		}
		dir, _ := sweepSite(t, c)
		total, _ := crash(t, dir, 0, false)
		for at := 1; at <= total; at++ {
			what := fmt.Sprintf("first build killed at change %d of %d (%v)", at, total, c)
			dir, out := sweepSite(t, c)
			if _, killed := crash(t, dir, at, false); !killed {
				t.Fatalf("%s: not killed", what)
			}
			if err := Write(opts(dir, out), sweepNew); err != nil {
				t.Fatalf("%s: the build after: %v", what, err)
			}
			if got, want := fmt.Sprint(siteFiles(snapshot(t, out))), fmt.Sprint(filesMap(sweepNew)); got != want {
				t.Errorf("%s: output %s, want %s", what, got, want)
			}
		}
	}
}

package build

import (
	"bytes"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"

	"github.com/batonhq/baton/internal/render"
)

// releaseMemory gives the pages of a finished stage's garbage back to the
// system between the stages of a one-off build. Parsing leaves a great
// deal (the highlighter's and parser's scratch), and the next stage would
// otherwise grow its heap on top of pages the system still counts as in
// use: this lowers the peak resident memory (docs/performance.md) for two
// collections. The dev server skips it: it wants speed; so does a build
// under gcBudget, whose memory limit has the runtime give memory back as
// the heap shrinks.
func releaseMemory() { debug.FreeOSMemory() }

// renderGCPercent is the collector's GOGC while a one-off build that is
// not its process's all (a test, a program using this package) renders.
const renderGCPercent = 70

// searchGCPercent is the collector's GOGC while such a build makes the
// search index, whose display files and postings would otherwise raise
// the heap's peak at the render stage's GOGC.
const searchGCPercent = 40

// tuneGC lowers GOGC while a one-off build that does not run under a
// memory budget (gcBudget: `baton build` does) makes its search index and
// renders (a GOGC the user set is left alone), and returns what puts it
// back. The search index and the pages are made on all cores, fast, over
// a heap that is mostly the parsed pages: collecting a little more often
// than the default lowers the peak at no cost in time we could measure.
func (r *run) tuneGC() func() {
	if r.mem != nil || r.b.budget != nil || os.Getenv("GOGC") != "" {
		return func() {}
	}
	r.gc = true
	old := debug.SetGCPercent(renderGCPercent)
	return func() { debug.SetGCPercent(old) }
}

// memoryBudget is the soft memory limit of a one-off build in a process
// of its own while its live heap is under two thirds of it (budgetLimit):
// the collector runs when the process's memory reaches it, not when the
// heap has grown by a share of what is live, so a build of a few thousand
// pages collects as seldom as that memory allows and a build of 10,000
// peaks near it whatever its shape (docs/performance.md, fourteenth
// session).
const memoryBudget = 210 << 20

// budgetGCPercent is GOGC under the budget: high enough that the limit,
// not GOGC, sets when a collection runs, while a small handbook's heap
// stays within a few times what it holds.
const budgetGCPercent = 300

// nearHeadroom is the least limit, as a multiple of the live heap, of a
// build whose heap comes near the budget (one of 10,000 pages whose
// search index is made from the build cache): each collection then frees
// at least half the live heap's size, as GOGC 50 would, where a limit
// closer to the live heap would have the collector run for it over and
// over.
const nearHeadroom = 1.5

// largeSlack is what a heap far larger than the budget (a handbook of
// tens of thousands of pages) leaves of twice its size for the runtime's
// own memory: its limit is twice the live heap less this, so each
// collection frees about three quarters of the live heap's size, as
// GOGC 75 would; at half as much again, the collector took a third more
// CPU at 100,000 pages.
const largeSlack = 100 << 20

// pageBudget is the memory a build may use for each page before its heap
// holds them: a handbook of tens of thousands of pages ends with a heap
// of about 6 KB a page and a limit near twice that, and under the budget
// alone its parse, whose live heap grows from nothing, collected every 20
// to 40 MB it allocated (a third of the CPU of a 100,000-page build). A
// floor under what it will use anyway lets the parse collect seldom; it
// stays under the render's limit (twice the live heap less largeSlack),
// which holds from then on: at 11 KB a page the render's heap grew on
// top of the floor and 100,000 pages peaked at 1.6 GB. At 10,000 pages
// it is under memoryBudget, which holds alone.
const pageBudget = 9 << 10

// budgetLimit is the memory limit for a live heap of live bytes in a
// build of pages pages.
func budgetLimit(live uint64, pages int) int64 {
	return max(memoryBudget, int64(pages)*pageBudget, int64(float64(live)*nearHeadroom), 2*int64(live)-largeSlack)
}

// budgeted reports whether BuildTo runs under gcBudget: in a process of
// its own, where the user set neither GOGC nor GOMEMLIMIT.
func budgeted(o Options) bool {
	return o.OwnProcess && os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == ""
}

// gcBudget runs a one-off build in a process of its own (Options.OwnProcess)
// under a memory budget, where the user set neither GOGC nor GOMEMLIMIT:
// GOGC budgetGCPercent, and a soft memory limit that after every
// collection is budgetLimit of the live heap it found. Its stop puts the
// process's GOGC and limit back.
//
// With GOGC alone the collector's goal follows the live heap, which is
// small while the parse begins and at every stage holds a fraction of
// what the memory target allows: a 10,000-page build collected 60 to 95
// times. Under the budget it collects when the memory is used, and the
// limit also makes the runtime give freed memory back as it goes, so the
// process's resident memory stays near the budget rather than running
// well above its heap's peak.
//
// Once the build knows how many pages it has, sized raises the limit to
// pageBudget for each.
func gcBudget() *gcBudgeter {
	g := &gcBudgeter{gogc: debug.SetGCPercent(budgetGCPercent), limit: debug.SetMemoryLimit(memoryBudget)}
	g.after(new(sentinel))
	return g
}

// gcBudgeter moves the memory limit with the live heap (gcBudget).
type gcBudgeter struct {
	mu    sync.Mutex
	done  bool
	pages int

	gogc  int   // GOGC before the budget
	limit int64 // the memory limit before the budget
}

// sized sets how many pages the build has, and the limit with them.
func (g *gcBudgeter) sized(pages int) {
	if g == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.done {
		return
	}
	g.pages = pages
	debug.SetMemoryLimit(budgetLimit(liveHeap(), pages))
}

// stop puts the process's GOGC and memory limit back.
func (g *gcBudgeter) stop() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.done = true
	debug.SetGCPercent(g.gogc)
	debug.SetMemoryLimit(g.limit)
}

// sentinel is an object the collector frees each cycle, whose finalizer
// runs gcBudgeter.after and sets itself again. It holds a pointer, so it
// is never combined with other small objects (whose finalizers may not
// run).
type sentinel struct{ _ *int }

// after sets the limit from the live heap the last collection found, and
// arranges to run again after the next.
func (g *gcBudgeter) after(s *sentinel) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.done {
		return
	}
	if live := liveHeap(); live > 0 {
		debug.SetMemoryLimit(budgetLimit(live, g.pages))
	}
	runtime.SetFinalizer(s, g.after)
}

// liveHeap is the heap's live bytes as the last collection found them.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// memory is the Sink of a build held in memory: it keeps every file.
type memory struct {
	mu    sync.Mutex
	files []render.File
}

// Write keeps f, Data and all: the caller must not change the bytes.
func (m *memory) Write(f render.File) error {
	m.mu.Lock()
	m.files = append(m.files, f)
	m.mu.Unlock()
	return nil
}

// WriteStream keeps the bytes write makes.
func (m *memory) WriteStream(path string, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	return m.Write(render.File{Path: path, Data: b.Bytes()})
}

// sorted is the files, sorted by path.
func (m *memory) sorted() []render.File {
	slices.SortStableFunc(m.files, func(a, b render.File) int { return strings.Compare(a.Path, b.Path) })
	return m.files
}

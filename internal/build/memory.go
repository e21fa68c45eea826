package build

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/source"
)

// releaseMemory gives the pages of a finished stage's garbage back to the
// system between the stages of a one-off build. Parsing leaves a great
// deal (the highlighter's and parser's scratch), and the next stage would
// otherwise grow its heap on top of pages the system still counts as in
// use: this lowers the peak resident memory (docs/performance.md) for two
// collections. The dev server skips it: it wants speed.
func releaseMemory() { debug.FreeOSMemory() }

// renderGCPercent is the collector's GOGC while a one-off build renders.
const renderGCPercent = 70

// searchGCPercent is the collector's GOGC while a one-off build makes the
// search index. With its words from the build cache, the index is made
// fast enough that its display files and postings raise the heap's peak
// at the render stage's GOGC; at this one it peaks no higher than with
// the words listed afresh, in the same time (docs/performance.md).
const searchGCPercent = 40

// tuneGC lowers GOGC while a one-off build makes its search index and
// renders (a GOGC the user set is left alone), and returns what puts it
// back. The search index and the pages are made on all cores, fast, over
// a heap that is mostly the parsed pages: collecting a little more often
// than the default lowers the peak at no cost in time we could measure.
//
// In a process of its own (Options.OwnProcess), it also sets a soft
// memory limit (unless the user set GOMEMLIMIT) well
// above what the rest of the build needs: the live heap after the parse,
// which the resolved site is most of, times memoryHeadroom. Without one
// the runtime gives memory it freed back to the system slowly, and the
// build's resident memory runs well above its heap's peak; with it, the
// memory is given back as the heap shrinks (docs/performance.md has the
// figures).
func (r *run) tuneGC() func() {
	if r.mem != nil || os.Getenv("GOGC") != "" {
		return func() {}
	}
	r.gc = true
	old := debug.SetGCPercent(renderGCPercent)
	if !r.b.opts.OwnProcess || os.Getenv("GOMEMLIMIT") != "" {
		return func() { debug.SetGCPercent(old) }
	}
	oldLimit := debug.SetMemoryLimit(memoryLimit(liveHeap()))
	return func() {
		debug.SetGCPercent(old)
		debug.SetMemoryLimit(oldLimit)
	}
}

// memoryHeadroom is how many times the live heap after the parse the
// memory limit allows (on top of memoryFloor): the search index and the
// pages being rendered add less than half as much again at 10,000 pages,
// so the limit only hastens the return of freed memory and never makes
// the collector run for it.
const memoryHeadroom = 2.5

// memoryFloor is added to every build's limit: the runtime's own memory,
// and room for a small handbook's index and pages.
const memoryFloor = 64 << 20

// largeHeadroom is the least limit, as a multiple of the live heap after
// the parse, of a big handbook's build, where memoryFloor is small beside
// the heap: the search index and the pages being rendered hold up to
// twice the parse's live heap (2.1 times at 10,000 pages, 2 at 100,000),
// collected at GOGC 40 and 70, so a limit much under three times it makes
// the collector run for the limit rather than for GOGC, over and over
// (docs/performance.md).
const largeHeadroom = 3.2

// memoryLimit is the soft memory limit for a build whose live heap is
// live bytes once its pages are parsed.
func memoryLimit(live uint64) int64 {
	return int64(max(float64(live)*memoryHeadroom+memoryFloor, float64(live)*largeHeadroom))
}

// gcScanned is the live heap, and the stacks' and globals' bytes, as the
// last collection found them.
func gcScanned() (live, roots uint64) {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/scan/stack:bytes"}, {Name: "/gc/scan/globals:bytes"}}
	metrics.Read(s)
	for i := range s {
		if s[i].Value.Kind() != metrics.KindUint64 {
			return 0, 0
		}
	}
	return s[0].Value.Uint64(), s[1].Value.Uint64() + s[2].Value.Uint64()
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

// parseFloorShare is the collector's least goal while a one-off build
// parses, as a share of the bytes of the pages it parses (gcFloor), up to
// parseFloorMost: under what the search index and the render then use
// anyway (about 1.6 times those bytes at 10,000 pages), so the floor makes
// fewer collections without raising the build's peak. Past
// parseFloorMost the live heap is large enough that GOGC alone spaces the
// collections well.
const (
	parseFloorShare = 1.2
	parseFloorMost  = 256 << 20
)

// gcFloor keeps the collector's goal at least floor bytes while a one-off
// build parses. GOGC sets the goal as a multiple of the live heap, which
// is small while the parse begins and grows with every page parsed: at the
// default, a 10,000-page parse collects about seventy times, most of them
// while the heap is a few tens of MB, each marking what is live for little
// garbage freed. After each collection the floor raises GOGC so the next
// goal is floor (never below the GOGC it found), which the heap of a parse
// stays under until it holds the pages themselves; past that, GOGC is as
// before.
type gcFloor struct {
	floor uint64
	base  int
	mu    sync.Mutex
	done  bool
}

// sentinel is an object the collector frees each cycle, whose finalizer
// runs gcFloor.after and sets itself again. It holds a pointer, so it is
// never combined with other small objects (whose finalizers may not run).
type sentinel struct{ _ *int }

// raiseGCFloor starts a gcFloor and returns what stops it and puts GOGC
// back.
func raiseGCFloor(floor uint64) func() {
	old := debug.SetGCPercent(100)
	debug.SetGCPercent(old)
	if old < 0 {
		return func() {}
	}
	g := &gcFloor{floor: floor, base: old}
	g.after(new(sentinel))
	return func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		g.done = true
		debug.SetGCPercent(old)
	}
}

// after sets GOGC from the live heap the last collection found, and
// arranges to run again after the next.
func (g *gcFloor) after(s *sentinel) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.done {
		return
	}
	pct := g.base
	// The goal is the live heap plus GOGC percent of it and of the
	// goroutines' stacks and the globals, which the collector scans too.
	if live, roots := gcScanned(); live > 0 && live < g.floor {
		pct = max(pct, int((g.floor-live)*100/(live+roots)))
	}
	debug.SetGCPercent(pct)
	runtime.SetFinalizer(s, g.after)
}

// parseAll is Builder.parseAll with the collector's goal floored in a
// one-off build of a process of its own (parseFloorShare).
func (r *run) parseAll(ctx context.Context, fsys fs.FS, tree source.Tree, h how) ([]*handbook.Parsed, int, source.Tree, diag.List) {
	if r.mem == nil && r.b.opts.OwnProcess && os.Getenv("GOGC") == "" {
		var n int64
		for _, f := range tree.Content {
			if !f.Static {
				n += f.Size
			}
		}
		defer raiseGCFloor(min(uint64(float64(n)*parseFloorShare), parseFloorMost))()
	}
	return r.b.parseAll(ctx, fsys, tree, h)
}

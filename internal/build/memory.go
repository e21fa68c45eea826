package build

import (
	"bytes"
	"io"
	"os"
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

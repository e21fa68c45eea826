package build

import (
	"bytes"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/batonhq/baton/internal/publish"
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
func (r *run) tuneGC() func() {
	if r.mem != nil || os.Getenv("GOGC") != "" {
		return func() {}
	}
	r.gc = true
	old := debug.SetGCPercent(renderGCPercent)
	return func() { debug.SetGCPercent(old) }
}

// memory is the Sink of a build held in memory: it keeps every file.
type memory struct {
	mu    sync.Mutex
	files []publish.File
}

// Write keeps f, Data and all: the caller must not change the bytes.
func (m *memory) Write(f publish.File) error {
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
	return m.Write(publish.File{Path: path, Data: b.Bytes()})
}

// sorted is the files, sorted by path.
func (m *memory) sorted() []publish.File {
	slices.SortStableFunc(m.files, func(a, b publish.File) int { return strings.Compare(a.Path, b.Path) })
	return m.files
}

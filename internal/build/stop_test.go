package build_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
)

// fullSink stands in for a disk that fills while the pages are written:
// from its limit-th page on, every write fails with a publish.WriteError;
// it counts the writes it was asked for after the first failure.
type fullSink struct {
	limit int
	mu    sync.Mutex
	n     int
	after int
}

func (s *fullSink) take(p string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.n < s.limit && !(strings.HasPrefix(p, "p") && strings.HasSuffix(p, "/index.html")) {
		return nil
	}
	s.n++
	if s.n < s.limit {
		return nil
	}
	if s.n > s.limit {
		s.after++
	}
	return &publish.WriteError{Out: "public", Path: p, Err: syscall.ENOSPC}
}

func (s *fullSink) Write(f render.File) error { return s.take(f.Path) }

func (s *fullSink) WriteStream(p string, write func(io.Writer) error) error {
	if err := s.take(p); err != nil {
		return err
	}
	return write(io.Discard)
}

// manyPages is a site of n pages.
func manyPages(n int) fstest.MapFS {
	src := fstest.MapFS{"content/handbook.yaml": {Data: []byte("title: Many\n")}}
	for i := range n {
		src[fmt.Sprintf("content/p%03d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: P%d\n---\nPage %d.\n", i, i))}
	}
	return src
}

func errorCount(diags diag.List) int {
	n := 0
	for _, d := range diags {
		if d.Severity == diag.Error {
			n++
		}
	}
	return n
}

// TestBuildToStopsAtFirstWriteFailure: when the sink cannot write (a full
// disk), rendering stops: the pages not yet begun are never rendered nor
// written, and the build fails with one diagnostic, the write that
// failed, not one per page.
func TestBuildToStopsAtFirstWriteFailure(t *testing.T) {
	sink := &fullSink{limit: 40}
	res, diags := newBuilder(t, build.Options{}).BuildTo(context.Background(), manyPages(300), sink)
	if res != nil || errorCount(diags) != 1 || !strings.Contains(fmt.Sprint(diags), "no space left on device") {
		t.Fatalf("got result %v and diagnostics:\n%v\nwant a failed build with one error, the write", res != nil, diags)
	}
	if sink.after > 64 {
		t.Errorf("%d files were written after the first failure", sink.after)
	}
}

// TestBuildToStopsWhenCancelled: a build whose context ends (SIGINT,
// SIGTERM) renders no more pages, and fails with one diagnostic that
// gives the cause.
func TestBuildToStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sink := &cancellingSink{after: 40, cancel: func() { cancel(errors.New("terminated signal received")) }}
	res, diags := newBuilder(t, build.Options{}).BuildTo(ctx, manyPages(300), sink)
	if res != nil || errorCount(diags) != 1 || !strings.Contains(fmt.Sprint(diags), "terminated signal received") {
		t.Fatalf("got result %v and diagnostics:\n%v\nwant a failed build with one error, the cause", res != nil, diags)
	}
	if sink.n > 40+64 {
		t.Errorf("%d pages were written, 40 before the build was cancelled", sink.n)
	}
}

// cancellingSink cancels the build at its after-th page.
type cancellingSink struct {
	after  int
	cancel func()
	mu     sync.Mutex
	n      int
}

func (s *cancellingSink) Write(f render.File) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !strings.HasPrefix(f.Path, "p") || !strings.HasSuffix(f.Path, "/index.html") {
		return nil
	}
	if s.n++; s.n == s.after {
		s.cancel()
	}
	return nil
}

func (s *cancellingSink) WriteStream(p string, write func(io.Writer) error) error {
	if err := s.Write(render.File{Path: p}); err != nil {
		return err
	}
	return write(io.Discard)
}

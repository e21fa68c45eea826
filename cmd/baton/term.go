package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// isTerminal reports whether w is a terminal: a character device, which a
// pipe, a file and CI's captured output are not.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// palette colours text for a terminal, and leaves it alone elsewhere or
// when NO_COLOR is set (https://no-color.org).
type palette struct{ on bool }

func newPalette(w io.Writer) palette {
	return palette{on: isTerminal(w) && os.Getenv("NO_COLOR") == ""}
}

func (p palette) paint(code, s string) string {
	if !p.on {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (p palette) good(s string) string { return p.paint("32", s) }
func (p palette) bad(s string) string  { return p.paint("31", s) }
func (p palette) warn(s string) string { return p.paint("33", s) }
func (p palette) bold(s string) string { return p.paint("1", s) }

// progressBar draws a build's progress on one terminal line, once the
// build has run longer than a moment, and at most every frame interval.
type progressBar struct {
	w     io.Writer
	now   func() time.Time
	start time.Time
	last  time.Time
	drawn bool
}

const (
	progressAfter = 300 * time.Millisecond // quicker builds show no bar
	progressFrame = 50 * time.Millisecond
	progressWidth = 30
)

func newProgressBar(w io.Writer, now func() time.Time) *progressBar {
	return &progressBar{w: w, now: now, start: now()}
}

// update is a build.Options.Progress callback.
func (p *progressBar) update(done, total int) {
	t := p.now()
	if total <= 0 || t.Sub(p.start) < progressAfter || p.drawn && t.Sub(p.last) < progressFrame && done < total {
		return
	}
	p.last, p.drawn = t, true
	filled := progressWidth * done / total
	fmt.Fprintf(p.w, "\r\x1b[Krendering [%s%s] %d/%d", strings.Repeat("#", filled), strings.Repeat("-", progressWidth-filled), done, total)
}

// clear erases the bar, if one was drawn, so the summary line stands alone.
// It does nothing on a nil bar.
func (p *progressBar) clear() {
	if p != nil && p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

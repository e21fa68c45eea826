package publish

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// LockedError says another build is writing the output.
type LockedError struct {
	Out  string // the output folder, as Options.Out names it
	Lock string // the lock file beside it
	PID  int    // the process that holds it, when known
}

func (e *LockedError) Error() string {
	who := "another baton build"
	if e.PID > 0 { // 0 when read before the holder wrote its number
		who = fmt.Sprintf("another baton build (process %d)", e.PID)
	}
	return fmt.Sprintf("%s is writing %s: it holds %s; try again when it has finished", who, e.Out, e.Lock)
}

// lock is held by the build that writes an output, from Begin to the end
// of Commit or Abort, so two builds never touch each other's folders. It
// is a file beside the output (.public.lock) locked with the system's
// file locks, which the system lets go when the process ends, however it
// ends: a lock file left by a killed build locks nothing.
type lock struct {
	f    *os.File
	path string
}

// lockPath is the lock file of the output out: for public, .public.lock.
func lockPath(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".lock")
}

// lock takes the output's lock, or fails at once when another process
// holds it: a build waiting on another would write an output the other
// one just wrote.
func (o output) lock() (*lock, error) {
	p := lockPath(o.path)
	for range 100 {
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		held, err := lockFile(f)
		if err != nil || held {
			pid := readPID(f)
			f.Close()
			if held {
				return nil, &LockedError{Out: o.name, Lock: p, PID: pid}
			}
			return nil, fmt.Errorf("locking %s: %w", p, err)
		}
		// The build before lets go by removing the file and then closing
		// it: the file locked here must still be the one at p.
		fi, err := f.Stat()
		at, perr := os.Stat(p)
		if err == nil && perr == nil && os.SameFile(fi, at) {
			if err := f.Truncate(0); err == nil {
				_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
			}
			return &lock{f: f, path: p}, nil
		}
		f.Close()
	}
	return nil, errors.New("could not lock " + p + ": it is replaced as fast as it is locked")
}

// readPID reads the process number a lock file holds, or 0.
func readPID(f *os.File) int {
	b, err := io.ReadAll(io.NewSectionReader(f, 0, 32))
	if err != nil && len(b) == 0 {
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return pid
}

// release lets the lock go, removing its file where the system allows
// that while it is open, so no lock file is left beside the output.
func (l *lock) release() {
	if l == nil {
		return
	}
	if removeLocked {
		_ = os.Remove(l.path)
	}
	l.f.Close()
}

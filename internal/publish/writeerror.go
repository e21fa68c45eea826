package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// WriteError is a failure of the file system while the new output is
// written (a full disk, a read-only one, a failing one). The first one
// ends the transaction: every write after it fails with it at once, and
// Abort removes what was written instead of keeping it as the previous
// output, which would hold on to the space.
type WriteError struct {
	Out  string // the output folder, as Options.Out names it
	Path string // the file being written, slash-separated, relative to Out
	Err  error  // what the system said
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("writing %s: %v", filepath.Join(e.Out, filepath.FromSlash(e.Path)), e.Err)
}

func (e *WriteError) Unwrap() error { return e.Err }

// systemError returns what the system said in err, when err is the
// failure of a system call (and not, say, of the code making the bytes).
func systemError(err error) (error, bool) {
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	var errno syscall.Errno
	switch {
	case errors.As(err, &pe):
		return pe.Err, true
	case errors.As(err, &le):
		return le.Err, true
	case errors.As(err, &se):
		return se.Err, true
	case errors.As(err, &errno):
		return errno, true
	}
	return err, false
}

// Failed returns the transaction's WriteError, or nil when every write
// so far went through.
func (t *Tx) Failed() error {
	if e := t.failed.Load(); e != nil {
		return e
	}
	return nil
}

// fail records err, met while writing p, as the transaction's WriteError
// when it is the file system's, and returns the error to give the caller:
// the first WriteError, or err itself.
func (t *Tx) fail(p string, err error) error {
	sys, ok := systemError(err)
	if !ok {
		return err
	}
	t.failed.CompareAndSwap(nil, &WriteError{Out: t.o.name, Path: p, Err: sys})
	return t.failed.Load()
}

// wrote is the outcome of writing p through w: err is what the code
// making the bytes returned, done the error of closing or finishing the
// file. An error of the file while writing comes first, since the code's
// own is then most likely its echo; an error of the file is the file
// system's (fail), the code's is passed on as it is.
func (t *Tx) wrote(p string, w *diskWriter, err, done error) error {
	switch {
	case w.err != nil:
		return t.fail(p, w.err)
	case err != nil:
		return err
	case done != nil:
		return t.fail(p, done)
	}
	return nil
}

// diskWriter passes writes on to w and keeps the first error w returns:
// an error from the file, told apart from one of the code making the
// bytes.
type diskWriter struct {
	w   io.Writer
	err error
}

func (d *diskWriter) Write(p []byte) (int, error) {
	n, err := d.w.Write(p)
	if err != nil && d.err == nil {
		d.err = err
	}
	return n, err
}

package publish

import (
	"errors"
	"os"
	"path/filepath"
)

// disk makes every change publish makes to the file system: each rename,
// removal, new folder and new file goes through one of its methods. A test
// sets before to stop the process, or fail the change, just before any one
// of them, standing in for a build killed or failing at that point.
type disk struct {
	before func(op, path string) error
	// noExchange swaps the output with two renames, as on systems that
	// cannot exchange two folders in one step.
	noExchange bool
}

func (d disk) step(op, path string) error {
	if d.before == nil {
		return nil
	}
	return d.before(op, path)
}

func (d disk) rename(from, to string) error {
	if err := d.step("rename", from); err != nil {
		return err
	}
	return os.Rename(from, to)
}

// exchange swaps two folders in one step, where the system can.
func (d disk) exchange(a, b string) error {
	if d.noExchange {
		return errors.New("no exchange")
	}
	if err := d.step("exchange", a); err != nil {
		return err
	}
	return exchange(a, b)
}

func (d disk) remove(p string) error {
	if err := d.step("remove", p); err != nil {
		return err
	}
	return os.Remove(p)
}

func (d disk) mkdir(p string) error {
	if err := d.step("mkdir", p); err != nil {
		return err
	}
	return os.Mkdir(p, 0o755)
}

func (d disk) mkdirAll(p string) error {
	if info, err := os.Stat(p); err == nil && info.IsDir() {
		return nil
	}
	if err := d.step("mkdir", p); err != nil {
		return err
	}
	return os.MkdirAll(p, 0o755)
}

func (d disk) mkdirTemp(dir, pattern string) (string, error) {
	if err := d.step("mkdir", filepath.Join(dir, pattern)); err != nil {
		return "", err
	}
	return os.MkdirTemp(dir, pattern)
}

// create opens a new file at p with flags (O_CREATE and others).
func (d disk) create(p string, flags int) (*os.File, error) {
	if err := d.step("create", p); err != nil {
		return nil, err
	}
	return openFile(p, flags, 0o644)
}

// writeFile writes data into the file at p, in place.
func (d disk) writeFile(p string, data []byte) error {
	if err := d.step("write", p); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// replaceFile puts data at p in one step: written beside it, then renamed
// over it, so p holds the old bytes or the new, never a part of them.
func (d disk) replaceFile(p string, data []byte) error {
	next := p + ".new"
	if err := d.writeFile(next, data); err != nil {
		_ = os.Remove(next)
		return err
	}
	return d.rename(next, p)
}

// removeTree removes dir and everything in it (see removeTree).
func (d disk) removeTree(dir string) error {
	return removeTree(dir, d.remove)
}

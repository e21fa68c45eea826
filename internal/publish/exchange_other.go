//go:build !linux

package publish

import "errors"

// exchange is not available here: the caller swaps with two renames.
func exchange(a, b string) error { return errors.New("no atomic exchange on this system") }

//go:build unix && !linux

package publish

import "testing"

// canMount: the tests mount file systems on Linux only.
func canMount() bool { return false }

func mountTmpfs(t *testing.T, dir string) { t.Skip("the tests mount file systems on Linux only") }

// Package buildid names the program that is running by the SHA-256 of its
// executable, so what one run of baton caches on disk is trusted only by a
// run of the very same program: another release, a build with local
// changes or another dependency all read as another program.
package buildid

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sync"
)

// Executable is the hex SHA-256 of the running program's executable, or ""
// when it cannot be read; a cache must then be neither trusted nor written.
// It is computed once, on first call (its cost: docs/performance.md).
var Executable = sync.OnceValue(func() string {
	name, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(name)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})

//go:build unix

package source

import "os"

// OpenWalking is Open as it opens where the system has no openat2: one
// folder at a time.
func OpenWalking(root, name string) (*os.File, error) { return openWith(root, name, walkOpen) }

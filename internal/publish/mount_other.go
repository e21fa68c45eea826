//go:build !unix

package publish

// mountPoint reports whether dir is a mount point; not known here.
func mountPoint(dir string) bool { return false }

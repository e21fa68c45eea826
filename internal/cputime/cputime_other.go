//go:build !unix

// Package cputime tells the CPU time the process has used, for the
// benchmarks that report it beside their wall time.
package cputime

import "time"

// Used is unknown here: the benchmarks then report no CPU time.
func Used() time.Duration { return 0 }

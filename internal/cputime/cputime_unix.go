//go:build unix

// Package cputime tells the CPU time the process has used, for the
// benchmarks that report it beside their wall time.
package cputime

import (
	"syscall"
	"time"
)

// Used is the CPU time the process has used, user and system: a
// benchmark's cost on a machine that other work shares, where its wall
// time says more about the others.
func Used() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"runtime/trace"
)

// startProfile writes a CPU profile of the whole run to the file that
// BATON_CPUPROFILE names, for `go tool pprof`, and an execution trace to
// the file BATON_TRACE names, for `go tool trace` (see
// docs/performance.md). It returns the function that ends both.
func startProfile() func() {
	stopTrace := startTo("BATON_TRACE", trace.Start, trace.Stop)
	stopCPU := startTo("BATON_CPUPROFILE", pprof.StartCPUProfile, pprof.StopCPUProfile)
	return func() {
		stopCPU()
		stopTrace()
	}
}

// startTo starts writing into the file the environment variable env
// names, when it names one, and returns the function that stops.
func startTo(env string, start func(io.Writer) error, stop func()) func() {
	name := os.Getenv(env)
	if name == "" {
		return func() {}
	}
	f, err := os.Create(name)
	if err == nil {
		if err = start(f); err != nil {
			f.Close()
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", env, err)
		return func() {}
	}
	return func() {
		stop()
		f.Close()
	}
}

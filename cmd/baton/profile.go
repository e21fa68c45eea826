package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"runtime/trace"
)

// startProfile writes a CPU profile of the whole run to the file that
// BATON_CPUPROFILE names, for `go tool pprof`, and an execution trace to
// the file BATON_TRACE names, for `go tool trace` (see
// docs/performance.md). It returns the function that ends both.
func startProfile() func() {
	stopTrace := startTrace()
	stopCPU := startCPUProfile()
	return func() {
		stopCPU()
		stopTrace()
	}
}

func startTrace() func() {
	name := os.Getenv("BATON_TRACE")
	if name == "" {
		return func() {}
	}
	f, err := os.Create(name)
	if err == nil {
		err = trace.Start(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "BATON_TRACE: %v\n", err)
		return func() {}
	}
	return func() {
		trace.Stop()
		f.Close()
	}
}

func startCPUProfile() func() {
	name := os.Getenv("BATON_CPUPROFILE")
	if name == "" {
		return func() {}
	}
	f, err := os.Create(name)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "BATON_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

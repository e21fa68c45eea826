package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"runtime/trace"
	"time"
)

// startProfile writes a CPU profile of the whole run to the file that
// BATON_CPUPROFILE names, for `go tool pprof`, and an execution trace to
// the file BATON_TRACE names, for `go tool trace` (see
// docs/performance.md), and the heap as it was when it was largest to the
// file BATON_MEMPROFILE names. It returns the function that ends them.
func startProfile() func() {
	stopTrace := startTo("BATON_TRACE", trace.Start, trace.Stop)
	stopCPU := startTo("BATON_CPUPROFILE", pprof.StartCPUProfile, pprof.StopCPUProfile)
	stopMem := func() {}
	if os.Getenv("BATON_MEMPROFILE") != "" {
		stopMem = peakHeap()
	}
	return func() {
		stopMem()
		stopCPU()
		stopTrace()
	}
}

// peakHeap samples the live heap every 100 ms and, whenever it is the
// largest yet, keeps a profile of that moment, which the function it returns
// writes to the file BATON_MEMPROFILE names: a profile taken at the end
// would show what is left, not what made the peak.
func peakHeap() func() {
	var peak uint64
	var kept []byte
	// The heap the last collection found live: what the build holds, not
	// the garbage it has yet to collect.
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(live)
			if n := live[0].Value.Uint64(); n > peak+peak/20 {
				peak = n
			} else {
				continue
			}
			var buf bytes.Buffer
			if pprof.Lookup("heap").WriteTo(&buf, 0) == nil {
				kept = buf.Bytes()
			}
		}
	}()
	return func() {
		close(done)
		<-stopped
		if err := os.WriteFile(os.Getenv("BATON_MEMPROFILE"), kept, 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "BATON_MEMPROFILE: %v\n", err)
		}
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

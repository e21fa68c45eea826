package build

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestTuneGCMemoryLimit: a one-off build in a process of its own sets a
// soft memory limit above its live heap while it plans and emits, and
// puts the process's back; elsewhere (tests, the dev server), or where
// the user set GOMEMLIMIT, it leaves the limit alone.
func TestTuneGCMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	for _, c := range []struct {
		name   string
		own    bool
		env    string
		limits bool
	}{
		{"own process", true, "", true},
		{"shared process", false, "", false},
		{"GOMEMLIMIT set", true, "1GiB", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("GOMEMLIMIT", c.env)
			t.Setenv("GOGC", "")
			debug.SetMemoryLimit(math.MaxInt64)
			r := &run{b: New(Options{OwnProcess: c.own})}
			restore := r.tuneGC()
			during := debug.SetMemoryLimit(-1)
			restore()
			after := debug.SetMemoryLimit(-1)
			if set := during != math.MaxInt64; set != c.limits {
				t.Errorf("limit while building %d, want one set: %v", during, c.limits)
			}
			if c.limits && (during < int64(liveHeap()) || during < memoryFloor) {
				t.Errorf("limit %d is under the live heap (%d) or the floor", during, liveHeap())
			}
			if after != math.MaxInt64 {
				t.Errorf("limit after the build %d, want the process's back", after)
			}
		})
	}
}

// TestGCFloor: while a floor is raised, each collection sets GOGC so the
// next goal is the floor, never below the GOGC it found; once the live
// heap passes the floor, GOGC is the one it found; stopping puts it back.
func TestGCFloor(t *testing.T) {
	gogc := func() int { p := debug.SetGCPercent(100); debug.SetGCPercent(p); return p }
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	// Collections run the floor's finalizer on a goroutine of the
	// runtime's: wait for it to set GOGC.
	settled := func(ok func(int) bool) int {
		var p int
		for range 200 {
			runtime.GC()
			if p = gogc(); ok(p) {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		return p
	}
	stop := raiseGCFloor(1 << 40) // far above any live heap here
	if p := settled(func(p int) bool { return p > 1000 }); p <= 1000 {
		t.Errorf("GOGC %d under a floor far above the live heap, want it raised", p)
	}
	stop()
	if p := gogc(); p != 100 {
		t.Errorf("GOGC %d after the floor stopped, want 100 back", p)
	}
	runtime.GC() // a finalizer left from before the stop changes nothing
	time.Sleep(20 * time.Millisecond)
	if p := gogc(); p != 100 {
		t.Errorf("GOGC %d after a collection past the stop, want 100", p)
	}

	debug.SetGCPercent(70)
	stop = raiseGCFloor(1) // under any live heap
	if p := settled(func(p int) bool { return p != 70 }); p != 70 {
		t.Errorf("GOGC %d with the live heap over the floor, want the 70 it found", p)
	}
	stop()
	if p := gogc(); p != 70 {
		t.Errorf("GOGC %d after the floor stopped, want 70 back", p)
	}
}

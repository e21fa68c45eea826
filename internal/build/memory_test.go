package build

import (
	"math"
	"runtime/debug"
	"testing"
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

package build

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestBudgeted: a one-off build runs under the memory budget in a process
// of its own, unless the user set GOGC or GOMEMLIMIT; elsewhere (tests,
// the dev server) it leaves the process's collector alone.
func TestBudgeted(t *testing.T) {
	for _, c := range []struct {
		name       string
		own        bool
		gogc, mlim string
		want       bool
	}{
		{"own process", true, "", "", true},
		{"shared process", false, "", "", false},
		{"GOGC set", true, "100", "", false},
		{"GOMEMLIMIT set", true, "", "1GiB", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("GOGC", c.gogc)
			t.Setenv("GOMEMLIMIT", c.mlim)
			if got := budgeted(Options{OwnProcess: c.own}); got != c.want {
				t.Errorf("budgeted = %v, want %v", got, c.want)
			}
		})
	}
}

// TestBudgetLimit: the limit is the budget while the live heap is small,
// half as much again as a heap near the budget, twice a large heap less
// largeSlack, and never under pageBudget for each page of the build.
func TestBudgetLimit(t *testing.T) {
	for _, c := range []struct {
		live  uint64
		pages int
		want  int64
	}{
		{10 << 20, 0, memoryBudget},
		{10 << 20, 10_000, memoryBudget}, // 10,000 pages: the budget holds alone
		{150 << 20, 10_000, 225 << 20},
		{1 << 30, 0, 2<<30 - largeSlack},
		{10 << 20, 100_000, 100_000 * pageBudget},
		{150 << 20, 100_000, 100_000 * pageBudget},
		{1 << 30, 100_000, 2<<30 - largeSlack},
	} {
		if got := budgetLimit(c.live, c.pages); got != c.want {
			t.Errorf("limit for a live heap of %d MB and %d pages: %d MB, want %d MB", c.live>>20, c.pages, got>>20, c.want>>20)
		}
	}
}

// TestGCBudget: under the budget GOGC is budgetGCPercent and the memory
// limit follows the live heap after each collection; stopping puts both
// back, and a collection after the stop changes neither.
func TestGCBudget(t *testing.T) {
	gogc := func() int { p := debug.SetGCPercent(100); debug.SetGCPercent(p); return p }
	limit := func() int64 { return debug.SetMemoryLimit(-1) }
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	g := gcBudget()
	if p := gogc(); p != budgetGCPercent {
		t.Errorf("GOGC %d under the budget, want %d", p, budgetGCPercent)
	}
	// A heap past the budget: the limit must rise with it once a
	// collection has run the budgeter's finalizer, on a goroutine of the
	// runtime's.
	big := make([][]byte, 0, 200)
	for range 200 {
		big = append(big, make([]byte, 1<<20))
	}
	want := budgetLimit(200<<20, 0)
	var got int64
	for range 200 {
		runtime.GC()
		if got = limit(); got >= want {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	runtime.KeepAlive(big)
	if got < want {
		t.Errorf("limit %d with 200 MB live, want at least %d", got, want)
	}
	g.sized(100_000) // a build of 100,000 pages: the floor rises with them
	if got := limit(); got != 100_000*pageBudget {
		t.Errorf("limit %d MB for 100,000 pages, want %d MB", got>>20, 100_000*pageBudget>>20)
	}
	g.stop()
	g.sized(200_000) // past the stop: nothing changes
	if p, l := gogc(), limit(); p != 100 || l != math.MaxInt64 {
		t.Errorf("after the stop GOGC %d and limit %d, want 100 and none back", p, l)
	}
	big = nil
	runtime.GC() // a finalizer left from before the stop changes nothing
	time.Sleep(20 * time.Millisecond)
	if p, l := gogc(), limit(); p != 100 || l != math.MaxInt64 {
		t.Errorf("after a collection past the stop GOGC %d and limit %d, want 100 and none", p, l)
	}
}

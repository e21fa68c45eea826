//go:build !unix

package build_test

import "time"

// cpuTime is unknown here: the benchmarks then report no CPU time.
func cpuTime() time.Duration { return 0 }

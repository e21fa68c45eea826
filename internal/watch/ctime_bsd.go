//go:build darwin || freebsd || netbsd || openbsd

package watch

import "syscall"

func statCtime(st *syscall.Stat_t) int64 { return st.Ctimespec.Nano() }

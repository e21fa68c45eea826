package linkcheck

import (
	"context"
	"sync"
)

// limiter bounds the requests in flight: per host, and in all. A URL's
// goroutine takes its host's slot first and the overall slot only for each
// request, so goroutines waiting on a busy host hold no overall slot, and
// none holds two hosts' slots at once (a redirect to another host gives up
// the first host's slot before it takes the next): no two can wait on
// each other.
type limiter struct {
	perHost int
	all     chan struct{}

	mu    sync.Mutex
	hosts map[string]chan struct{}
}

func newLimiter(perHost, total int) *limiter {
	return &limiter{perHost: perHost, all: make(chan struct{}, total), hosts: map[string]chan struct{}{}}
}

// host takes a slot of host, and returns the function that gives it back,
// or nil when ctx ended first.
func (l *limiter) host(ctx context.Context, host string) func() {
	l.mu.Lock()
	ch := l.hosts[host]
	if ch == nil {
		ch = make(chan struct{}, l.perHost)
		l.hosts[host] = ch
	}
	l.mu.Unlock()
	return take(ctx, ch)
}

// total takes one of the overall slots, as host does.
func (l *limiter) total(ctx context.Context) func() { return take(ctx, l.all) }

func take(ctx context.Context, ch chan struct{}) func() {
	select {
	case ch <- struct{}{}:
		return func() { <-ch }
	case <-ctx.Done():
		return nil
	}
}

// Package linkcheck asks other sites whether the links a handbook makes to
// them still lead somewhere. It knows URLs, not pages: the command gathers
// a site's external links, checks each distinct URL once here, and reports
// the findings at every place the URL is written.
//
// Its invariants: a request is made only by Check, and only for the URLs
// it is given (never a page's other links, never anything in a plain build);
// at most PerHost requests to one host and Total in all are in flight at
// once; every request ends within Timeout, and a URL takes at most
// MaxRedirects hops and Retries waits of at most MaxRetryAfter each, so a
// check ends in bounded time; a request carries a User-Agent naming baton
// and nothing of the user's (no cookies, no credentials but those written
// in the URL itself); and a result found within the cache's TTL is taken
// from the cache with no request at all.
package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// UserAgent names baton to the sites it asks, so their owners can tell a
// link check from a reader.
const UserAgent = "baton-linkcheck/1 (+https://github.com/batonhq/baton)"

// Options tune a Checker. Zero values take the defaults.
type Options struct {
	// Timeout bounds each request, from dialling to the response's
	// headers (default 10s).
	Timeout time.Duration
	// PerHost bounds the requests in flight to one host (host:port), and
	// Total those in flight in all (defaults 2 and 8).
	PerHost, Total int
	// MaxRedirects bounds the redirects followed from one URL (default 10).
	MaxRedirects int
	// Retries is how many times a URL answered with 429 Too Many Requests
	// is asked again, after the wait its Retry-After asks for, when that is
	// at most MaxRetryAfter (defaults 2 and 30s; negative Retries for none).
	Retries       int
	MaxRetryAfter time.Duration
	// Transport makes the requests (default: a transport of its own, with
	// the environment's proxy settings).
	Transport http.RoundTripper
	// Sleep waits d, or until ctx is done (default: a timer). Tests make
	// it return at once.
	Sleep func(ctx context.Context, d time.Duration) error
	// Cache holds results between checks; nil asks every URL. A result
	// is taken from it for TTL after it was found, or BrokenTTL when the
	// URL was broken; zero takes none (config.LinkCheck has the defaults).
	Cache          *Cache
	TTL, BrokenTTL time.Duration
	// Now is the clock the cache's ages and Retry-After dates are read by
	// (default time.Now).
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.PerHost <= 0 {
		o.PerHost = 2
	}
	if o.Total <= 0 {
		o.Total = 8
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 10
	}
	if o.Retries < 0 {
		o.Retries = 0
	} else if o.Retries == 0 {
		o.Retries = 2
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = 30 * time.Second
	}
	if o.Transport == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		// Connections are not kept for the next URL: each host is asked
		// a few times at most, and idle connections to hundreds of hosts
		// would only hold sockets open.
		t.DisableKeepAlives = true
		o.Transport = t
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

// Verdict is what a check found of a URL.
type Verdict uint8

const (
	// OK: the URL answers (2xx, or a page that asks for a login).
	OK Verdict = iota
	// Moved: the URL answers through a permanent redirect to another
	// address (Result.MovedTo), which the link could name directly.
	Moved
	// Broken: the URL does not answer (404, 410, another error status,
	// no such host, no connection, no answer in time, a redirect loop).
	Broken
	// Unknown: the site would not say (it kept answering 429): the URL
	// was not checked, and is asked again next time.
	Unknown
)

// Result is what a check found of one URL.
type Result struct {
	URL     string
	Verdict Verdict
	// Reason says what was wrong, for Broken and Unknown: "404 Not
	// Found", "no answer within 10s".
	Reason string
	// MovedTo is where a Moved URL leads.
	MovedTo string
	// Cached is set when the result came from the cache.
	Cached bool
}

// Checker checks URLs.
type Checker struct {
	opts   Options
	client *http.Client
}

// New returns a Checker with opts.
func New(opts Options) *Checker {
	opts = opts.withDefaults()
	return &Checker{
		opts: opts,
		client: &http.Client{
			Transport: opts.Transport,
			// Each hop is a request of its own, under its own host's limit
			// and its own timeout, and seen, so loops and permanent moves
			// can be told.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
			// No Jar: no cookie is kept or sent.
		},
	}
}

// Check checks each URL and returns their results in the same order. A
// URL's #fragment is not checked: the request is for the page, and
// whether it has that anchor would need the page's HTML to be read and,
// for many sites, its scripts run. URLs that differ only in their
// fragment are asked once. Check ends when ctx does, with the URLs not yet
// checked as Unknown.
func (c *Checker) Check(ctx context.Context, urls []string) []Result {
	results := make([]Result, len(urls))
	// One request per distinct URL, whatever its fragment; first[u] is the
	// index of the result the others copy.
	first := map[string]int{}
	var todo []int
	for i, raw := range urls {
		u := withoutFragment(raw)
		results[i].URL = raw
		if _, ok := first[u]; ok {
			continue
		}
		first[u] = i
		todo = append(todo, i)
	}
	now := c.opts.Now()
	lim := newLimiter(c.opts.PerHost, c.opts.Total)
	var wg sync.WaitGroup
	for _, i := range todo {
		u := withoutFragment(urls[i])
		if r, ok := c.opts.Cache.lookup(u, now, c.opts.TTL, c.opts.BrokenTTL); ok {
			r.URL, r.Cached = urls[i], true
			results[i] = r
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := c.check(ctx, lim, u)
			r.URL = urls[i]
			results[i] = r
		}()
	}
	wg.Wait()
	for i, raw := range urls {
		j := first[withoutFragment(raw)]
		if j != i {
			results[i] = results[j]
			results[i].URL = raw
		}
	}
	if ctx.Err() == nil {
		for _, i := range todo {
			if !results[i].Cached {
				c.opts.Cache.store(withoutFragment(urls[i]), results[i], now)
			}
		}
	}
	c.opts.Cache.forget(now.Add(-max(c.opts.TTL, c.opts.BrokenTTL)))
	return results
}

func withoutFragment(u string) string {
	u, _, _ = strings.Cut(u, "#")
	return u
}

// check follows one URL to its end.
func (c *Checker) check(ctx context.Context, lim *limiter, start string) Result {
	cur := start
	seen := map[string]bool{}
	// movedTo is where the run of permanent redirects the URL starts with
	// leads; permanent is false once a hop is not one.
	movedTo, permanent := "", true
	for hop := 0; ; hop++ {
		if seen[cur] {
			return Result{Verdict: Broken, Reason: "redirect loop at " + cur}
		}
		seen[cur] = true
		u, err := url.Parse(cur)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			if hop == 0 {
				return Result{Verdict: Broken, Reason: "not a web address"}
			}
			// A redirect to another kind of address (mailto:, an app's
			// scheme) cannot be followed: the link did lead somewhere.
			return Result{Verdict: OK}
		}
		status, location, header, reason := c.ask(ctx, lim, u)
		switch {
		case reason != "" && ctx.Err() != nil:
			return Result{Verdict: Unknown, Reason: reason}
		case reason != "":
			return Result{Verdict: Broken, Reason: reason}
		case status == http.StatusTooManyRequests:
			if wait, ok := retryAfter(header.Get("Retry-After"), c.opts.Now()); ok && wait > c.opts.MaxRetryAfter {
				return Result{Verdict: Unknown, Reason: fmt.Sprintf("the site answered 429 Too Many Requests and asked for a wait of %s, over the %s baton waits", wait, c.opts.MaxRetryAfter)}
			}
			return Result{Verdict: Unknown, Reason: "the site kept answering 429 Too Many Requests"}
		case isRedirect(status) && location != "":
			next, err := u.Parse(location)
			if err != nil {
				return Result{Verdict: Broken, Reason: fmt.Sprintf("%s to %q, which is not a URL", statusText(status), location)}
			}
			if hop+1 > c.opts.MaxRedirects {
				return Result{Verdict: Broken, Reason: fmt.Sprintf("more than %d redirects", c.opts.MaxRedirects)}
			}
			next.Fragment, next.RawFragment = "", ""
			permanent = permanent && (status == http.StatusMovedPermanently || status == http.StatusPermanentRedirect)
			if permanent {
				movedTo = next.String()
			}
			cur = next.String()
			continue
		case status >= 200 && status < 300,
			// The page is there; the site wants a reader who signed in.
			status == http.StatusUnauthorized, status == http.StatusForbidden:
			if movedTo != "" && !sameAddress(start, movedTo) {
				return Result{Verdict: Moved, MovedTo: movedTo}
			}
			return Result{Verdict: OK}
		}
		return Result{Verdict: Broken, Reason: statusText(status)}
	}
}

func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

func statusText(status int) string {
	if t := http.StatusText(status); t != "" {
		return fmt.Sprintf("%d %s", status, t)
	}
	return strconv.Itoa(status)
}

// sameAddress reports whether a permanent move from a to b changes only
// what sites change for every URL they have (http to https, a www. added
// or dropped, a slash at the end of the path), which is not worth an
// edit of every link.
func sameAddress(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if err1 != nil || err2 != nil {
		return false
	}
	host := func(u *url.URL) string { return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") }
	path := func(u *url.URL) string {
		p := strings.TrimSuffix(u.EscapedPath(), "/")
		return p + "?" + u.RawQuery
	}
	return host(ua) == host(ub) && path(ua) == path(ub) && (ua.Scheme == ub.Scheme || ua.Scheme == "http" && ub.Scheme == "https")
}

// ask requests u once (HEAD, then GET where the site will not answer
// HEAD), waiting out 429s it may, and returns the status and Location, or
// why there is no answer.
func (c *Checker) ask(ctx context.Context, lim *limiter, u *url.URL) (int, string, http.Header, string) {
	release := lim.host(ctx, strings.ToLower(u.Host))
	if release == nil {
		return 0, "", nil, "check stopped: " + context.Cause(ctx).Error()
	}
	defer release()
	for attempt := 0; ; attempt++ {
		status, location, header, reason := c.do(ctx, lim, http.MethodHead, u)
		if reason == "" && headRefused(status) {
			status, location, header, reason = c.do(ctx, lim, http.MethodGet, u)
		}
		if reason != "" || status != http.StatusTooManyRequests || attempt >= c.opts.Retries {
			return status, location, header, reason
		}
		wait, ok := retryAfter(header.Get("Retry-After"), c.opts.Now())
		if !ok || wait > c.opts.MaxRetryAfter {
			return status, location, header, ""
		}
		// The host's slot is kept while waiting: asking the same host
		// sooner for another URL is what it asked baton not to do.
		if err := c.opts.Sleep(ctx, wait); err != nil {
			return 0, "", nil, "check stopped: " + err.Error()
		}
	}
}

// headRefused reports whether a status to HEAD may mean only that the site
// does not answer HEAD: 405 and 501 say so; some sites answer 403 or 400
// to every HEAD, and 404 to HEAD on pages made by a script.
func headRefused(status int) bool {
	switch status {
	case http.StatusMethodNotAllowed, http.StatusNotImplemented, http.StatusForbidden, http.StatusBadRequest, http.StatusNotFound:
		return true
	}
	return false
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date. No
// header means a second.
func retryAfter(h string, now time.Time) (time.Duration, bool) {
	h = strings.TrimSpace(h)
	if h == "" {
		return time.Second, true
	}
	if n, err := strconv.Atoi(h); err == nil {
		if n < 0 {
			return 0, false
		}
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// do makes one request, under the overall limit, and reads nothing of the
// body.
func (c *Checker) do(ctx context.Context, lim *limiter, method string, u *url.URL) (int, string, http.Header, string) {
	release := lim.total(ctx)
	if release == nil {
		return 0, "", nil, "check stopped: " + context.Cause(ctx).Error()
	}
	defer release()
	rctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, method, u.String(), nil)
	if err != nil {
		return 0, "", nil, err.Error()
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "*/*")
	resp, err := c.client.Do(req)
	if err != nil {
		return 0, "", nil, c.why(ctx, rctx, err)
	}
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location"), resp.Header, ""
}

// why says why a request got no answer, in a reader's words.
func (c *Checker) why(ctx, rctx context.Context, err error) string {
	var dnsErr *net.DNSError
	var opErr *net.OpError
	switch {
	case ctx.Err() != nil:
		return "check stopped: " + context.Cause(ctx).Error()
	case errors.Is(rctx.Err(), context.DeadlineExceeded):
		return fmt.Sprintf("no answer within %s", c.opts.Timeout)
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return fmt.Sprintf("no such host %s", dnsErr.Name)
	case errors.As(err, &dnsErr):
		return fmt.Sprintf("the host %s could not be looked up: %s", dnsErr.Name, dnsErr.Err)
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return fmt.Sprintf("no connection to %s: %v", opErr.Addr, opErr.Err)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}

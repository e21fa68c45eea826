package config

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/strictyaml"
)

// LinkCheck is the link_check: mapping of handbook.yaml: how baton check
// --external checks the links to other sites. A plain build never reads it.
type LinkCheck struct {
	// Exclude are the patterns of URLs never requested (see Excludes).
	Exclude []string
	// Timeout bounds each request.
	Timeout time.Duration
	// TTL is how long a link found working is taken as working without
	// asking again; a broken one is asked again sooner (BrokenTTL).
	TTL time.Duration
}

// RawLinkCheck is link_check: as written.
type RawLinkCheck struct {
	Exclude []strictyaml.Str `yaml:"exclude"`
	Timeout strictyaml.Str   `yaml:"timeout"`
	TTL     strictyaml.Str   `yaml:"ttl"`
}

// The defaults of link_check:.
const (
	DefaultLinkTimeout = 10 * time.Second
	DefaultLinkTTL     = 24 * time.Hour
	// maxLinkTimeout keeps a typo (timeout: 10h) from making one slow host
	// hold a check in CI for hours.
	maxLinkTimeout = 5 * time.Minute
)

// DefaultLinkCheck is link_check: when handbook.yaml has none.
func DefaultLinkCheck() LinkCheck {
	return LinkCheck{Timeout: DefaultLinkTimeout, TTL: DefaultLinkTTL}
}

// BrokenTTL is how long a link found broken is taken as broken: a tenth of
// the TTL, at most an hour, as a site that was down may be up again soon
// and a fixed link should not stay reported for a day.
func (lc LinkCheck) BrokenTTL() time.Duration {
	return min(lc.TTL/10, time.Hour)
}

func decodeLinkCheck(raw RawLinkCheck, diags *diag.List) LinkCheck {
	lc := DefaultLinkCheck()
	for _, p := range raw.Exclude {
		if msg := checkPattern(p.Value); msg != "" {
			diags.Errorf(p.Pos, "link_check exclude pattern %q %s", p.Value, msg)
			continue
		}
		lc.Exclude = append(lc.Exclude, p.Value)
	}
	if raw.Timeout.Value != "" {
		d, msg := parseDuration(raw.Timeout.Value)
		switch {
		case msg != "":
			diags.Errorf(raw.Timeout.Pos, "link_check timeout %s", msg)
		case d <= 0 || d > maxLinkTimeout:
			diags.Errorf(raw.Timeout.Pos, "link_check timeout must be more than 0s and at most %s, not %s", maxLinkTimeout, raw.Timeout.Value)
		default:
			lc.Timeout = d
		}
	}
	if raw.TTL.Value != "" {
		d, msg := parseDuration(raw.TTL.Value)
		switch {
		case msg != "":
			diags.Errorf(raw.TTL.Pos, "link_check ttl %s", msg)
		case d < 0:
			diags.Errorf(raw.TTL.Pos, "link_check ttl must not be negative, not %s", raw.TTL.Value)
		default:
			lc.TTL = d
		}
	}
	return lc
}

// parseDuration reads a Go duration (90s, 10m, 1h30m) or a number of days
// (7d), which a TTL is most often written in.
func parseDuration(s string) (time.Duration, string) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err == nil && n >= 0 && n <= 3650 {
			return time.Duration(n) * 24 * time.Hour, ""
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Sprintf("must be a duration like 30s, 10m, 24h or 7d, not %q", s)
	}
	return d, ""
}

// checkPattern says what is wrong with an exclude pattern, or "".
func checkPattern(p string) string {
	lower := strings.ToLower(p)
	switch {
	case strings.TrimSpace(p) == "":
		return "is empty"
	case strings.ContainsFunc(p, func(r rune) bool { return r <= ' ' || r == 0x7f }):
		return "has a space or a control character, which no URL has"
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"), strings.HasPrefix(p, "*"):
		return ""
	}
	return fmt.Sprintf("can match no link: it must start with http://, https:// or * (did you mean %q?)", "https://"+strings.TrimLeft(p, "/"))
}

// Excluder returns a function that reports whether a URL (as written in
// a page) matches an exclude pattern. A pattern matches the start of a
// URL, ignoring case, and a * in it stands for any run of characters but
// a slash: https://intranet.example.com/ leaves out every page of that
// host, https://*.corp.example.com/ every host under corp.example.com,
// *://localhost every link to this machine on any port, and
// https://x.example/*/private that folder of every project.
func (lc LinkCheck) Excluder() func(url string) bool {
	res := make([]*regexp.Regexp, len(lc.Exclude))
	for i, p := range lc.Exclude {
		res[i] = patternRegexp(p)
	}
	return func(url string) bool {
		return slices.ContainsFunc(res, func(re *regexp.Regexp) bool { return re.MatchString(url) })
	}
}

// patternRegexp is the regular expression of an exclude pattern: Go's
// regular expressions run in time linear in the URL, whatever the pattern.
func patternRegexp(p string) *regexp.Regexp {
	parts := strings.Split(p, "*")
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	return regexp.MustCompile("(?i)^" + strings.Join(parts, "[^/]*"))
}

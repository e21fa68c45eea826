// Command baton builds, checks and serves a product handbook.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/buildcache"
	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/gitdate"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/report"
	"github.com/batonhq/baton/internal/source"
)

const usage = `baton builds a product handbook from YAML roles and Markdown playbooks.

Usage:
  baton init    DIR
  baton serve   [SITE] [--port 1313] [--bind 127.0.0.1] [--open] [--drafts] [--poll DURATION] [--no-cache]
  baton build   [SITE] [--out DIR] [--base-url URL] [--drafts] [--quiet] [--cache-dir DIR] [--no-cache]
  baton check   [SITE] [--format text|json|github] [--strict] [--stale] [--external] [--no-cache]
  baton new     role ID | playbook PATH | path ID   [--site SITE]
  baton review  FILE... [--date YYYY-MM-DD]
  baton schema  role|playbook|path|config
  baton version

SITE is the folder that holds content/ (default: the current folder).
Run 'baton COMMAND --help' for a command's flags and examples.

Examples:
  baton init handbook && cd handbook && baton serve
  baton new playbook playbooks/working-with/legal.md
  baton check --format github
  baton build --base-url https://handbook.example.com/pm/

Exit codes: 0 success, 1 content errors, 2 usage errors.
`

// commands are the names run dispatches on, for suggestions.
var commands = []string{"init", "serve", "build", "check", "new", "review", "schema", "version", "help"}

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	stopProfile := startProfile()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stopProfile()
	os.Exit(code)
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "build":
		err = cmdBuild(ctx, rest, stdout, stderr)
	case "check":
		err = cmdCheck(ctx, rest, stdout, stderr)
	case "serve":
		err = cmdServe(ctx, rest, stdout, stderr)
	case "init":
		err = cmdInit(rest, stdout, stderr)
	case "new":
		err = cmdNew(rest, stdout, stderr)
	case "review":
		err = cmdReview(rest, stdout, stderr)
	case "schema":
		err = cmdSchema(rest, stdout, stderr)
	case "version":
		err = cmdVersion(rest, stdout, stderr)
	case "help", "-h", "--help", "-help":
		err = cmdHelp(rest, stdout, stderr)
	default:
		hint := diag.DidYouMean(cmd, commands)
		if strings.HasPrefix(cmd, "-") {
			hint = " (flags go after the command, as in baton build --quiet)"
		}
		fmt.Fprintf(stderr, "baton: unknown command %q%s\nRun 'baton help' for the list of commands.\n", cmd, hint)
		return exitUsage
	}
	var ue usageError
	var ce contentError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "baton %s: %s\nRun 'baton %s --help' for usage.\n", cmd, ue.msg, cmd)
		return exitUsage
	case errors.As(err, &ce):
		return exitContent
	default:
		fmt.Fprintf(stderr, "baton %s: %v\n", cmd, err)
		return exitContent
	}
}

// contentError means diagnostics were already printed.
type contentError struct{}

func (contentError) Error() string { return "content errors" }

// parseFlags parses a command's flags and its optional SITE argument. With
// --help it prints the command's help to help.
func parseFlags(fs *flag.FlagSet, args []string, help io.Writer) (string, error) {
	positional, err := parseArgs(fs, args, help)
	if err != nil {
		return "", err
	}
	switch len(positional) {
	case 0:
		return ".", nil
	case 1:
		return positional[0], nil
	}
	return "", usageError{fmt.Sprintf("expected at most one SITE folder, got %s", strings.Join(positional, " "))}
}

// parseArgs parses a command's flags, which may come before, between or
// after its arguments, as people type them, and returns the arguments. With
// --help it prints the command's help to help and returns flag.ErrHelp.
func parseArgs(fs *flag.FlagSet, args []string, help io.Writer) ([]string, error) {
	all := args
	var positional []string
	for {
		fs.SetOutput(io.Discard) // the caller reports errors, once
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(help)
			fs.Usage()
			return nil, err
		}
		if err != nil {
			if name, ok := unknownFlag(fs, all); ok {
				return nil, usageError{fmt.Sprintf("unknown flag --%s%s", name, flagHint(fs, name))}
			}
			return nil, usageError{err.Error()}
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// unknownFlag finds the first flag in args that fs does not define, reading
// args as the flag package does.
func unknownFlag(fs *flag.FlagSet, args []string) (string, bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return "", false
		}
		if len(a) < 2 || a[0] != '-' {
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "h" || name == "help" {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			return name, true
		}
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); !hasValue && !(ok && bf.IsBoolFlag()) {
			i++ // the next argument is this flag's value
		}
	}
	return "", false
}

// flagHint suggests the defined flag closest to name.
func flagHint(fs *flag.FlagSet, name string) string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if s := diag.Suggest(name, names); s != "" {
		return fmt.Sprintf(" (did you mean --%s?)", s)
	}
	return ""
}

func newFlagSet(name, help string) *flag.FlagSet {
	fs := flag.NewFlagSet("baton "+name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), help)
		fs.PrintDefaults()
	}
	return fs
}

func defaultTheme() (render.Theme, error) { return render.LoadTheme(baton.Layouts()) }

func buildOptions(st site, baseURL string, drafts bool) (build.Options, error) {
	theme, err := defaultTheme()
	if err != nil {
		return build.Options{}, err
	}
	git := gitdate.NewCache(st.dir, st.layout.Root)
	return build.Options{Today: today(), BaseURL: baseURL, Drafts: drafts, Theme: theme, Dates: git.Dates, Renames: git.Renames, Changes: git.Changes, Layout: st.layout,
		ReadSite: func(name string) ([]byte, error) { return fs.ReadFile(source.Dir(st.dir), name) }}, nil
}

const buildHelp = `Usage: baton build [SITE] [flags]

Builds the handbook in SITE (default: the current folder) into SITE/public.
The output is replaced in one swap, and only when the build succeeds;
warnings are printed but do not fail the build. On a terminal a long build
shows its progress; elsewhere (CI) it prints one summary line.

Examples:
  baton build
  baton build handbook --out dist --base-url https://handbook.example.com/pm/
  baton build --quiet             # nothing but problems

Flags:
`

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("build", buildHelp)
	out := fs.String("out", "", "output `folder` (default SITE/public; SITE/dist where public/ is the site's own, as in Astro)")
	baseURL := fs.String("base-url", "", "the `URL` the site is served from (overrides base_url)")
	drafts := fs.Bool("drafts", false, "include pages marked draft")
	quiet := fs.Bool("quiet", false, "print nothing but errors and warnings")
	cacheDir := cacheFlags(fs)
	dir, err := parseFlags(fs, args, stdout)
	if err != nil {
		return err
	}
	if *baseURL != "" {
		if _, msg := config.CheckBaseURL(*baseURL); msg != "" {
			return usageError{"--base-url " + msg}
		}
	}
	st, err := openSite(dir, *out)
	if err != nil {
		return err
	}
	if *out == "" {
		*out = st.defaultOut()
	}
	pubOpts := publish.Options{Out: *out, Site: dir, Source: st.fsys, Protected: st.protected()}
	if err := publish.Check(pubOpts); err != nil {
		return usageError{err.Error()}
	}
	if line := st.describe(); line != "" && !*quiet {
		fmt.Fprintln(stdout, line)
	}
	opts, err := buildOptions(st, *baseURL, *drafts)
	if err != nil {
		return err
	}
	loadCache(&opts, cacheDir(dir))
	if d := cacheDir(dir); d != "" {
		pages := buildcache.LoadPages(d)
		defer pages.Close()
		opts.Pages = pages
	}
	var bar *progressBar
	if !*quiet && isTerminal(stderr) {
		bar = newProgressBar(stderr, time.Now)
		opts.Progress = bar.update
	}
	start := time.Now()
	// Files are written into a new folder as they are rendered, and swapped
	// in only when the build succeeds.
	tx, err := publish.Begin(pubOpts)
	if err != nil {
		return err
	}
	// The pages wait for rendering in a scratch file beside the output,
	// on the disk the output is written to, rather than in memory.
	if abs, err := filepath.Abs(*out); err == nil {
		opts.ScratchDir = filepath.Dir(abs)
	}
	opts.OwnProcess = true
	res, diags := build.New(opts).BuildTo(ctx, st.fsys, tx)
	bar.clear()
	if err := commit(ctx, tx, res, diags, *out, stderr); err != nil {
		return err
	}
	saveCache(stderr, opts, cacheDir(dir))
	if !*quiet {
		printBuilt(stdout, res, tx, diags, *out, time.Since(start))
	}
	return nil
}

// commit swaps the build into the output, or, when it failed or was
// stopped, drops it and says why.
func commit(ctx context.Context, tx *publish.Tx, res *build.Result, diags diag.List, out string, stderr io.Writer) error {
	// A write that failed (a full disk) stopped the build: it is the one
	// thing to say, and the partial new output goes (Abort).
	if err := tx.Failed(); err != nil {
		tx.Abort()
		return fmt.Errorf("%w; %s left as it was", err, out)
	}
	// SIGINT or SIGTERM (a cancelled CI job) before the swap: nothing
	// changes. Once the swap has begun, it runs to its end.
	if ctx.Err() != nil {
		tx.Abort()
		return fmt.Errorf("%v: build stopped; %s left as it was", context.Cause(ctx), out)
	}
	printDiags(stderr, diags, "text")
	if res == nil {
		tx.Abort()
		fmt.Fprintf(stderr, "%s: %s; %s left as it was\n", newPalette(stderr).bad("build failed"), countErrors(diags), out)
		return contentError{}
	}
	return tx.Commit()
}

// printBuilt is the line a build that succeeded ends with: off a terminal
// it prints that line and nothing else, so why there is no sitemap goes
// on it too.
func printBuilt(stdout io.Writer, res *build.Result, tx *publish.Tx, diags diag.List, out string, took time.Duration) {
	changed := ""
	if n, over := tx.Changed(); over {
		// The output a build replaced is written over: say how much of it
		// this build changed.
		changed = fmt.Sprintf(" (%d changed)", n)
	}
	noSitemap := ""
	if why := render.NoSitemap(res.Site); why != "" {
		noSitemap = "; " + why
	}
	fmt.Fprintf(stdout, "%s %d files%s into %s in %s%s%s\n", newPalette(stdout).good("built"), len(res.Files), changed, out,
		took.Round(time.Millisecond), countWarnings(diags), noSitemap)
}

const checkHelp = `Usage: baton check [SITE] [flags]

Checks every file of the handbook in SITE and prints each problem with its
position, without writing anything. Exits 1 when there is an error, or with
--strict when there is a warning (a role or responsibility no page names).

With --external it also asks every other site the pages link to (http and
https links and images) whether each link still leads somewhere: each
address once, HEAD first, at most 2 requests to a host and 8 in all at
once, each within link_check's timeout (10s). A broken link (404, 410, no
such host, no answer), a permanent move and an address the site would not
check (429) are warnings at every place the link is written; --strict
makes them fail. A #fragment is not checked. Results are kept in the build
cache for link_check's ttl (24h; a broken link for a tenth of it, at most
an hour), so a check soon after asks no site again. Without --external,
and in build and serve, baton never makes a request.

Examples:
  baton check
  baton check --strict
  baton check --external --strict  # in CI, once a day
  baton check --format github     # annotations for GitHub Actions
  baton check --format json       # one JSON object per line
  baton check --stale             # and what is due for review

Flags:
`

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", checkHelp)
	format := fs.String("format", "text", "output `format`: text, json or github")
	drafts := fs.Bool("drafts", false, "include pages marked draft")
	strict := fs.Bool("strict", false, "fail on warnings too")
	stale := fs.Bool("stale", false, "also list what is due for review (reviewed + review_every), never reviewed, or without an owner where require_owners is set")
	external := fs.Bool("external", false, "also check links to other sites (makes requests; results cached)")
	cacheDir := cacheFlags(fs)
	dir, err := parseFlags(fs, args, stdout)
	if err != nil {
		return err
	}
	switch *format {
	case "text", "json", "github":
	default:
		return usageError{fmt.Sprintf("unknown --format %q: use text, json or github", *format)}
	}
	st, err := openSite(dir, "")
	if err != nil {
		return err
	}
	if line := st.describe(); line != "" && *format == "text" {
		fmt.Fprintln(stdout, line)
	}
	opts, err := buildOptions(st, "", *drafts)
	if err != nil {
		return err
	}
	opts.Stale = *stale
	loadCache(&opts, cacheDir(dir))
	res, diags := build.New(opts).Build(ctx, st.fsys)
	if res != nil {
		saveCache(stderr, opts, cacheDir(dir))
	}
	if *external && res != nil {
		found, summary := checkExternal(ctx, res, cacheDir(dir), stderr)
		if ctx.Err() != nil {
			return fmt.Errorf("%v: check stopped", context.Cause(ctx))
		}
		diags = append(diags, found...).Sort()
		if *format == "text" {
			fmt.Fprintln(stdout, summary)
		}
	}
	printDiags(stdout, diags, *format)
	failed := res == nil || diags.HasErrors() || *strict && len(diags) > 0
	if st.migrating(res) {
		var site *handbook.Site
		if res != nil {
			site = res.Site
		}
		rep := report.New(st.layoutName(), site, diags)
		switch *format {
		case "text":
			rep.Text(stdout)
		case "json":
			b, _ := json.Marshal(struct {
				Report report.Report `json:"report"`
			}{rep})
			fmt.Fprintf(stdout, "%s\n", b)
		}
	}
	if *format != "text" {
		if failed {
			return contentError{}
		}
		return nil
	}
	if failed {
		msg := countErrors(diags)
		if !diags.HasErrors() {
			msg = strings.TrimPrefix(countWarnings(diags), ", ") + " (--strict)"
		}
		fmt.Fprintf(stderr, "%s\n", newPalette(stderr).bad(msg))
		return contentError{}
	}
	fmt.Fprintf(stdout, "%s: %s%s\n", newPalette(stdout).good("ok"), counts(res), countWarnings(diags))
	return nil
}

// counts says how many pages, roles, responsibilities and paths the
// handbook has, in every language, and in how many languages when more
// than one.
func counts(res *build.Result) string {
	var pages, roles, resps, paths int
	for _, lr := range res.Languages() {
		pages, roles, resps, paths = pages+len(lr.Site.Pages), roles+len(lr.Site.Roles), resps+len(lr.Site.Responsibilities), paths+len(lr.Site.Paths)
	}
	s := fmt.Sprintf("%d pages, %d roles, %d responsibilities, %d paths", pages, roles, resps, paths)
	if n := len(res.Languages()); n > 1 {
		s += fmt.Sprintf(" in %d languages", n)
	}
	return s
}

// countWarnings says ", 2 warnings", or nothing when there are none.
func countWarnings(diags diag.List) string {
	n := len(diags) - len(diags.Errors())
	switch n {
	case 0:
		return ""
	case 1:
		return ", 1 warning"
	}
	return fmt.Sprintf(", %d warnings", n)
}

func countErrors(diags diag.List) string {
	n := len(diags.Errors())
	if n == 1 {
		return "1 error"
	}
	return fmt.Sprintf("%d errors", n)
}

const versionHelp = `Usage: baton version

Prints baton's module version, the commit it was built from (when the build
recorded one) and the Go version.

Example:
  baton version

`

func cmdVersion(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version", versionHelp)
	rest, err := parseArgs(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("version takes no arguments, got %s", strings.Join(rest, " "))}
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, version(info))
	return nil
}

// version describes a build: "baton v1.2.0 go1.26.0" for a release
// installed with go install, or "baton (devel) (commit 1a2b3c4d5e6f,
// modified) go1.26.0" for one built from a checkout.
func version(info *debug.BuildInfo) string {
	if info == nil {
		return "baton (devel)"
	}
	v := "baton (devel)"
	if info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = "baton " + info.Main.Version
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev != "" {
		v += " (commit " + rev[:min(12, len(rev))] + modified + ")"
	}
	return v + " " + info.GoVersion
}

// cmdHelp prints the overview, or with a command's name that command's help.
func cmdHelp(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return nil
	}
	if !slices.Contains(commands, args[0]) || args[0] == "help" {
		return usageError{fmt.Sprintf("no command %q%s", args[0], diag.DidYouMean(args[0], commands))}
	}
	run(context.Background(), []string{args[0], "--help"}, stdout, stderr)
	return nil
}

// today is the start of the day reviews fall due against, in UTC: the
// day of SOURCE_DATE_EPOCH when it is set, as reproducible builds ask,
// else of the clock.
func today() int64 {
	now := time.Now()
	if epoch, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil && epoch > 0 {
		now = time.Unix(epoch, 0)
	}
	y, m, d := now.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
}

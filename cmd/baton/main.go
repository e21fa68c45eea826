// Command baton builds, checks and serves a product handbook.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/gitdate"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
)

const usage = `baton builds a product handbook from YAML roles and Markdown playbooks.

Usage:
  baton build   [SITE] [--out DIR] [--base-url URL] [--drafts] [--quiet]
  baton serve   [SITE] [--port 1313] [--bind 127.0.0.1] [--drafts]
  baton check   [SITE] [--format text|json|github]
  baton version

SITE is the folder that holds content/ (default: the current folder).
Run 'baton COMMAND --help' for a command's flags and examples.
`

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
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
	case "version":
		fmt.Fprintln(stdout, version())
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "baton: unknown command %q\n\n%s", cmd, usage)
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

// parseFlags parses a command's flags and its optional SITE argument.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) (string, error) {
	fs.SetOutput(stderr)
	// Allow flags after SITE, as people type them.
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return "", err
			}
			return "", usageError{err.Error()}
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch len(positional) {
	case 0:
		return ".", nil
	case 1:
		return positional[0], nil
	}
	return "", usageError{fmt.Sprintf("expected at most one SITE folder, got %s", strings.Join(positional, " "))}
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

// siteDir checks that SITE is a folder with content/.
func siteDir(dir string) error {
	info, err := os.Stat(filepath.Join(dir, "content"))
	if err != nil || !info.IsDir() {
		return usageError{fmt.Sprintf("%s has no content/ folder; point baton at a handbook folder, or start one with 'baton init DIR'", dir)}
	}
	return nil
}

func newBuilder(dir, baseURL string, drafts bool) (*build.Builder, error) {
	theme, err := defaultTheme()
	if err != nil {
		return nil, err
	}
	return build.New(build.Options{
		BaseURL: baseURL, Drafts: drafts, Theme: theme,
		Dates: func(files []string) map[string]int64 { return gitdate.Dates(dir, files) },
	}), nil
}

const buildHelp = `Usage: baton build [SITE] [flags]

Builds the handbook in SITE (default: the current folder) into SITE/public.
The output is replaced in one swap, and only when the build succeeds.

Examples:
  baton build
  baton build handbook --out dist --base-url https://handbook.example.com/pm/

Flags:
`

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("build", buildHelp)
	out := fs.String("out", "", "output `folder` (default SITE/public)")
	baseURL := fs.String("base-url", "", "the `URL` the site is served from (overrides base_url)")
	drafts := fs.Bool("drafts", false, "include pages marked draft")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	dir, err := parseFlags(fs, args, stderr)
	if err != nil {
		return err
	}
	if err := siteDir(dir); err != nil {
		return err
	}
	if *out == "" {
		*out = filepath.Join(dir, "public")
	}
	pubOpts := publish.Options{
		Out: *out, Site: dir, Source: os.DirFS(dir),
		Protected: []string{filepath.Join(dir, "content"), filepath.Join(dir, "layouts")},
	}
	if err := publish.Check(pubOpts); err != nil {
		return usageError{err.Error()}
	}
	b, err := newBuilder(dir, *baseURL, *drafts)
	if err != nil {
		return err
	}
	start := time.Now()
	res, diags := b.Build(ctx, os.DirFS(dir))
	printDiags(stderr, diags, "text")
	if res == nil {
		fmt.Fprintf(stderr, "build failed: %s; %s left as it was\n", countErrors(diags), *out)
		return contentError{}
	}
	if err := publish.Write(pubOpts, res.Files); err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(stdout, "built %d pages into %s in %s\n", len(res.Files), *out, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

const checkHelp = `Usage: baton check [SITE] [flags]

Checks every file of the handbook in SITE and prints each problem with its
position, without writing anything. Exits 1 when there is an error.

Examples:
  baton check
  baton check --format github     # annotations for GitHub Actions

Flags:
`

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", checkHelp)
	format := fs.String("format", "text", "output `format`: text, json or github")
	drafts := fs.Bool("drafts", false, "include pages marked draft")
	dir, err := parseFlags(fs, args, stderr)
	if err != nil {
		return err
	}
	switch *format {
	case "text", "json", "github":
	default:
		return usageError{fmt.Sprintf("unknown --format %q: use text, json or github", *format)}
	}
	if err := siteDir(dir); err != nil {
		return err
	}
	b, err := newBuilder(dir, "", *drafts)
	if err != nil {
		return err
	}
	res, diags := b.Build(ctx, os.DirFS(dir))
	w := stdout
	printDiags(w, diags, *format)
	if res == nil || diags.HasErrors() {
		if *format == "text" {
			fmt.Fprintf(stderr, "%s\n", countErrors(diags))
		}
		return contentError{}
	}
	if *format == "text" {
		fmt.Fprintf(stdout, "ok: %d pages, %d roles, %d responsibilities, %d paths\n",
			len(res.Site.Pages), len(res.Site.Roles), len(res.Site.Responsibilities), len(res.Site.Paths))
	}
	return nil
}

func countErrors(diags diag.List) string {
	n := len(diags.Errors())
	if n == 1 {
		return "1 error"
	}
	return fmt.Sprintf("%d errors", n)
}

func version() string {
	v := "baton (devel)"
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
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
				modified = "+dirty"
			}
		}
	}
	if rev != "" {
		v += " (" + rev[:min(12, len(rev))] + modified + ")"
	}
	return v + " " + info.GoVersion
}

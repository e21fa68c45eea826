package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/serve"
	"github.com/batonhq/baton/internal/watch"
)

const serveHelp = `Usage: baton serve [SITE] [flags]

Builds the handbook in SITE (default: the current folder) into memory, serves
it at http://127.0.0.1:1313, and rebuilds and reloads the browser on every
save. Build errors show in the browser and here; the last good site stays up.
Nothing is written to disk but the build cache (SITE/.baton-cache, which
makes the next start or build quicker; --no-cache to leave it alone).

Examples:
  baton serve
  baton serve handbook --port 8080
  baton serve --poll 500ms        # where file events never arrive (some VMs, network drives)

Flags:
`

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", serveHelp)
	port := fs.Int("port", 1313, "`port` to listen on (0 picks a free one)")
	bind := fs.String("bind", "127.0.0.1", "`address` to listen on; anything but loopback exposes the site to your network")
	drafts := fs.Bool("drafts", false, "include pages marked draft")
	open := fs.Bool("open", false, "open the site in a browser")
	poll := fs.Duration("poll", 0, "poll for changes at this `interval` instead of using file events")
	cacheDir := cacheFlags(fs)
	dir, err := parseFlags(fs, args, stdout)
	if err != nil {
		return err
	}
	if err := checkAddress(*port, *bind); err != nil {
		return err
	}
	st, err := openSite(dir, "")
	if err != nil {
		return err
	}
	if line := st.describe(); line != "" {
		fmt.Fprintln(stdout, line)
	}
	opts, err := buildOptions(st, "", *drafts)
	if err != nil {
		return err
	}
	opts.Lazy = true // the print view renders when a browser asks for it
	loadCache(&opts, cacheDir(dir))
	srv := serve.NewIn(build.New(opts), dir, st.layout, st.fsys)
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		return fmt.Errorf("cannot listen: %w (is another server on port %d? try --port)", err, *port)
	}
	srv.AllowHosts(ln.Addr())
	if ip := net.ParseIP(*bind); ip != nil && !ip.IsLoopback() {
		fmt.Fprintf(stderr, "WARNING: serving on %s, reachable from other machines on your network\n", *bind)
	}
	// Watch before the first build, so no save is missed between the two:
	// rebuilds read only the files the watcher names.
	w, err := watch.New(watch.Options{Root: dir, Dirs: st.watched(), Poll: *poll})
	if err != nil {
		return err
	}
	defer w.Close()
	reportBuild(stdout, stderr, srv.Rebuild(ctx, nil), nil)
	// The cache is saved after the first build and when the server stops,
	// not on every save: rebuilds stay as quick as they can be. The first
	// build takes its pages from the cache; saving it ends the pages' cache
	// (markdown.DocCache.Close), and the server keeps its pages in memory
	// from then on.
	saveCache(stderr, opts, cacheDir(dir))
	defer saveCache(stderr, opts, cacheDir(dir))
	url := "http://" + ln.Addr().String() + "/"
	if strings.HasPrefix(ln.Addr().String(), "127.0.0.1:") {
		url = "http://127.0.0.1:" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port) + "/"
	}
	fmt.Fprintf(stdout, "serving %s at %s (Ctrl-C to stop)\n", dir, url)
	hs := srv.HTTPServer()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	if *open {
		openBrowser(url)
	}
	go srv.Watch(ctx, w.Changes, w.Notice,
		func(r serve.Result, changed []string) { reportBuild(stdout, stderr, r, changed) },
		func(msg string) { fmt.Fprintln(stderr, msg) })
	return waitServing(ctx, hs, errc, stdout)
}

// checkAddress refuses a --port or --bind that cannot be listened on.
func checkAddress(port int, bind string) error {
	if port < 0 || port > 65535 {
		return usageError{fmt.Sprintf("--port %d is not a port number", port)}
	}
	if net.ParseIP(bind) == nil && bind != "localhost" {
		return usageError{fmt.Sprintf("--bind %q is not an IP address", bind)}
	}
	return nil
}

// waitServing serves until ctx ends (SIGINT, SIGTERM) or the server fails.
func waitServing(ctx context.Context, hs *http.Server, errc <-chan error, stdout io.Writer) error {
	select {
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		// Shutdown ends the reload streams and closes idle connections;
		// a request still running when the bound passes is cut off, so
		// the cache is saved all the same.
		if hs.Shutdown(shut) != nil {
			_ = hs.Close()
		}
		fmt.Fprintln(stdout, "stopped")
		return nil
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	}
}

// openBrowser asks the desktop to open url, and says so when it cannot.
func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	_ = cmd.Start()
}

func reportBuild(stdout, stderr io.Writer, r serve.Result, changed []string) {
	what := "built"
	if changed != nil {
		what = describeChange(changed)
	}
	if !r.OK {
		printDiags(stderr, r.Diags, "text")
		fmt.Fprintf(stderr, "%s: build failed with %s; still serving the last good site\n", what, countErrors(r.Diags))
		return
	}
	printDiags(stderr, r.Diags, "text")
	fmt.Fprintf(stdout, "%s: %d files, %d changed, %d parsed in %s\n", what, r.Files, r.Changed, r.Parsed, r.Duration.Round(100*time.Microsecond))
}

func describeChange(paths []string) string {
	if len(paths) == 1 {
		return paths[0]
	}
	return fmt.Sprintf("%s and %d more", paths[0], len(paths)-1)
}

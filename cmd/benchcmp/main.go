// Command benchcmp measures baton against Hugo on generated handbooks.
//
// For each size it writes the corpus (internal/corpus) in the shape -shape
// names as a baton site and as a Hugo site, builds each once to warm the
// file cache, then builds them in alternation, each from an empty output
// folder, and prints the medians of wall time, CPU time (user and system,
// which other work on a shared machine disturbs less than wall time), peak
// memory (the child's maximum resident set size), output bytes and files,
// and the baton/Hugo ratios, with the load average as the runs began.
// -hugo takes several binaries (say Hugo 0.111 and 0.150): each builds
// into its own output folder, in turn with baton in every run, and gets
// its own ratios. Baton runs as the built binary, in a subprocess, like
// Hugo. Where no hugo is found only baton is measured. With -keep,
// each build goes over the previous output instead, as local rebuilds and
// CI jobs with a cached output folder do.
//
// Removing a build's output makes the next one slower on some file
// systems: ext4 without a journal, as on this project's machines, steps
// over the numbers of files removed in the last minute or more each time
// it makes a file, so a build right after 24,000 removals spends several
// times the system time of one on a quiet disk. With -defer-removal each
// output is moved into a trash folder instead and all are removed at the
// end, so every build goes into an empty folder on a disk with no recent
// removals, as on a CI machine's fresh checkout.
//
// baton runs with --no-cache unless -cache is given: then its build cache
// (the highlighted code blocks, in SITE/.baton-cache) is kept from the
// warm-up build on, as on a developer's machine or a CI job that keeps the
// cache folder.
//
//	go run ./cmd/benchcmp -pages 1000,10000 -runs 5
//	go run ./cmd/benchcmp -pages 1000,10000 -runs 5 -shape real -hugo hugo,/work/bin/hugo
//	go run ./cmd/benchcmp -pages 10000 -runs 5 -defer-removal
//	go run ./cmd/benchcmp -pages 10000 -runs 3 -keep
//	go run ./cmd/benchcmp -pages 10000 -runs 5 -keep -floor   # and the goldmark + chroma floor
//	go run ./cmd/benchcmp -pages 10000 -runs 5 -keep -cache -floor
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/batonhq/baton/internal/corpus"
)

type sample struct {
	wall  time.Duration
	cpu   time.Duration // user and system time of the child
	rss   int64         // bytes
	bytes int64         // output size
	files int
}

type result struct {
	pages        int
	baton        []sample
	hugo         [][]sample      // each Hugo's runs, in the order of -hugo
	floor        []time.Duration // BenchmarkFloor's time in each run, with -floor
	batonSummary sample
	hugoSummary  []sample
	loads        []float64 // the 1-minute load average as each run began, where known
}

// hugoTool is one Hugo binary and how the report names it.
type hugoTool struct {
	path, name string
}

// options are benchcmp's flags, checked.
type options struct {
	sizes        []int
	runs         int
	seed         uint64
	dir          string // the working folder, "" for a temporary one
	batonBin     string // "" to build it
	hugoBins     string
	shape        corpus.Shape
	keep         bool
	cache        bool
	floor        bool
	deferRemoval bool
}

// bench is one benchcmp run: the folder it works in, the tools it times
// and how each build's output is cleared.
type bench struct {
	opts     options
	work     string
	batonBin string
	floorBin string // the markdown test binary, with -floor
	hugos    []hugoTool
	// fresh empties the output folder before each build.
	fresh bool
	// trash, when set, is where outputs go instead of being removed, and
	// trashed counts them.
	trash   string
	trashed int
}

func main() {
	opts := parseFlags()
	b := &bench{opts: opts, fresh: !opts.keep, work: opts.dir}
	if b.work == "" {
		var err error
		if b.work, err = os.MkdirTemp("", "benchcmp-"); err != nil {
			fail("%v", err)
		}
		defer os.RemoveAll(b.work)
	}
	if opts.deferRemoval {
		b.trash = filepath.Join(b.work, "trash")
		if err := os.MkdirAll(b.trash, 0o755); err != nil {
			fail("%v", err)
		}
		defer os.RemoveAll(b.trash)
	}
	b.buildTools()
	b.findHugos()
	fmt.Printf("corpus shape: %s\n", opts.shape)

	var results []result
	for _, n := range opts.sizes {
		results = append(results, b.measure(n))
	}
	b.report(results)
}

// parseFlags reads the flags, and stops with exit status 2 on one that
// makes no sense, before anything is built.
func parseFlags() options {
	pagesFlag := flag.String("pages", "1000,10000", "comma-separated corpus `sizes`")
	runs := flag.Int("runs", 5, "measured builds per tool and size")
	seed := flag.Uint64("seed", 1, "corpus seed")
	dir := flag.String("dir", "", "working `folder` (default: a new temporary folder, removed afterwards)")
	batonBin := flag.String("baton", "", "baton `binary` (default: go build ./cmd/baton)")
	hugoBin := flag.String("hugo", "hugo", "comma-separated hugo `binaries` (say hugo,/work/bin/hugo for 0.111 and 0.150), each timed in turn with baton; empty or missing skips Hugo")
	shapeFlag := flag.String("shape", "balanced", "corpus `shape`: balanced (sections of 20 pages), flat (20 folders of N/20 pages) or real (a mix like real handbooks; see internal/corpus)")
	keep := flag.Bool("keep", false, "build over the previous output instead of into an empty folder")
	cache := flag.Bool("cache", false, "keep baton's build cache between runs (default: --no-cache)")
	floorFlag := flag.Bool("floor", false, "also time the goldmark + chroma floor (internal/markdown BenchmarkFloor) in each run and print baton's build as a multiple of it")
	deferRemoval := flag.Bool("defer-removal", false, "move each output aside and remove them all at the end, so no build follows a mass removal")
	flag.Parse()
	opts := options{runs: *runs, seed: *seed, dir: *dir, batonBin: *batonBin, hugoBins: *hugoBin,
		keep: *keep, cache: *cache, floor: *floorFlag, deferRemoval: *deferRemoval}
	if opts.deferRemoval && opts.keep {
		usage("-defer-removal and -keep exclude each other")
	}
	var err error
	if opts.shape, err = corpus.ParseShape(*shapeFlag); err != nil {
		usage("%v", err)
	}
	if opts.floor && opts.shape != corpus.Balanced {
		// BenchmarkFloor generates its own corpus, in the balanced shape.
		usage("-floor measures the balanced shape only; drop -floor or -shape %s", opts.shape)
	}
	for _, s := range strings.Split(*pagesFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			usage("bad -pages %q", s)
		}
		opts.sizes = append(opts.sizes, n)
	}
	return opts
}

// buildTools builds baton, unless -baton names it, and with -floor the
// markdown test binary that holds BenchmarkFloor, into the working folder.
func (b *bench) buildTools() {
	b.batonBin = b.opts.batonBin
	if b.batonBin == "" {
		b.batonBin = filepath.Join(b.work, "baton")
		cmd := exec.Command("go", "build", "-o", b.batonBin, "./cmd/baton")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			fail("building baton: %v", err)
		}
	}
	if b.opts.floor {
		b.floorBin = filepath.Join(b.work, "markdown.test")
		cmd := exec.Command("go", "test", "-c", "-o", b.floorBin, "./internal/markdown")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			fail("building the floor benchmark: %v", err)
		}
	}
}

// findHugos looks up each -hugo binary and prints its version; one that
// is missing is said and left out, so a machine without Hugo measures
// baton alone.
func (b *bench) findHugos() {
	for _, bin := range strings.Split(b.opts.hugoBins, ",") {
		if bin = strings.TrimSpace(bin); bin == "" {
			continue
		}
		p, err := exec.LookPath(bin)
		if err != nil {
			fmt.Fprintf(os.Stderr, "benchcmp: %s not found; not measured (apt-get install hugo)\n", bin)
			continue
		}
		out, _ := exec.Command(p, "version").Output()
		fmt.Printf("%s: %s", p, out)
		b.hugos = append(b.hugos, hugoTool{path: p, name: hugoName(string(out), len(b.hugos))})
	}
}

// measure writes the corpus of n pages for baton and the Hugos, builds
// each once to warm the file cache, then times the runs, each tool in turn
// in every run, so a change in the machine's load falls on all of them.
func (b *bench) measure(n int) result {
	r := result{pages: n, hugo: make([][]sample, len(b.hugos))}
	opts := corpus.Options{Pages: n, Seed: b.opts.seed, Shape: b.opts.shape}
	bdir := filepath.Join(b.work, fmt.Sprintf("baton-%s-%d", b.opts.shape, n))
	hdir := filepath.Join(b.work, fmt.Sprintf("hugo-%s-%d", b.opts.shape, n))
	if err := corpus.WriteDir(bdir, corpus.Baton(opts)); err != nil {
		fail("%v", err)
	}
	if len(b.hugos) > 0 {
		if err := corpus.WriteDir(hdir, corpus.Hugo(opts)); err != nil {
			fail("%v", err)
		}
	}
	fmt.Fprintf(os.Stderr, "%d pages: warming up\n", n)
	b.runBaton(bdir)
	for k := range b.hugos {
		b.runHugo(hdir, k)
	}
	for i := range b.opts.runs {
		l := loadAverage()
		if l >= 0 {
			r.loads = append(r.loads, l)
		}
		fmt.Fprintf(os.Stderr, "%d pages: run %d/%d (load %.2f)\n", n, i+1, b.opts.runs, l)
		r.baton = append(r.baton, b.runBaton(bdir))
		for k := range b.hugos {
			r.hugo[k] = append(r.hugo[k], b.runHugo(hdir, k))
		}
		if b.floorBin != "" {
			r.floor = append(r.floor, floorRun(b.floorBin, n))
		}
	}
	r.batonSummary = median(r.baton)
	for k := range b.hugos {
		r.hugoSummary = append(r.hugoSummary, median(r.hugo[k]))
	}
	return r
}

// runBaton builds the baton site in dir once.
func (b *bench) runBaton(dir string) sample {
	args := []string{"build", "--quiet", "--no-cache", "."}
	if b.opts.cache {
		args = slices.Delete(args, 2, 3)
	}
	return b.run(filepath.Join(dir, "public"), dir, b.batonBin, args...)
}

// runHugo builds the Hugo site in dir once with Hugo k. Each Hugo has an
// output folder of its own, so -keep builds over its own previous output.
func (b *bench) runHugo(dir string, k int) sample {
	out := fmt.Sprintf("public-%d", k)
	return b.run(filepath.Join(dir, out), dir, b.hugos[k].path, "--quiet", "--destination", out)
}

// hugoName is "hugo 0.111.3" from the first line of `hugo version`
// ("hugo v0.111.3+extended linux/amd64 ..."), or "hugo #k" when the output
// is not what it expects.
func hugoName(version string, k int) string {
	f := strings.Fields(version)
	if len(f) >= 2 && strings.HasPrefix(f[1], "v") {
		v, _, _ := strings.Cut(strings.TrimPrefix(f[1], "v"), "+")
		v, _, _ = strings.Cut(v, "-")
		return "hugo " + v
	}
	return fmt.Sprintf("hugo #%d", k+1)
}

// run builds once, from an empty output folder unless -keep, and measures
// the child.
func (b *bench) run(out, dir, bin string, args ...string) sample {
	if b.fresh {
		b.emptyOutput(out)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		fail("%s %s in %s: %v", bin, strings.Join(args, " "), dir, err)
	}
	s := sample{wall: time.Since(start), cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	s.rss = peakRSS(cmd.ProcessState)
	_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				s.bytes += info.Size()
				s.files++
			}
		}
		return nil
	})
	return s
}

// floorRun times one run of BenchmarkFloor on the same corpus size: the
// bodies rendered by goldmark and chroma alone, on all cores.
func floorRun(bin string, pages int) time.Duration {
	out, err := exec.Command(bin, "-test.run", "^$", "-test.bench", "^BenchmarkFloor$", "-test.benchtime", "1x",
		"-pages", strconv.Itoa(pages)).CombinedOutput()
	if err != nil {
		fail("floor benchmark: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) >= 4 && strings.HasPrefix(f[0], "BenchmarkFloor") && f[3] == "ns/op" {
			ns, err := strconv.ParseFloat(f[2], 64)
			if err == nil {
				return time.Duration(ns)
			}
		}
	}
	fail("floor benchmark printed no time:\n%s", out)
	return 0
}

// emptyOutput takes away the output folder and what a tool keeps beside it
// (baton's .public.prev), so the next build starts from nothing.
func (b *bench) emptyOutput(out string) {
	beside, err := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".*"))
	if err != nil {
		fail("%v", err)
	}
	for _, p := range append(beside, out) {
		if b.trash == "" {
			err = os.RemoveAll(p)
		} else if _, serr := os.Lstat(p); serr == nil {
			b.trashed++
			err = os.Rename(p, filepath.Join(b.trash, strconv.Itoa(b.trashed)))
		}
		if err != nil {
			fail("%v", err)
		}
	}
}

func median(ss []sample) sample {
	pick := func(f func(sample) int64) int64 {
		v := make([]int64, len(ss))
		for i, s := range ss {
			v[i] = f(s)
		}
		slices.Sort(v)
		if len(v)%2 == 1 {
			return v[len(v)/2]
		}
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return sample{
		wall:  time.Duration(pick(func(s sample) int64 { return int64(s.wall) })),
		cpu:   time.Duration(pick(func(s sample) int64 { return int64(s.cpu) })),
		rss:   pick(func(s sample) int64 { return s.rss }),
		bytes: pick(func(s sample) int64 { return s.bytes }),
		files: int(pick(func(s sample) int64 { return int64(s.files) })),
	}
}

// report prints the medians of each size, the ratios to each Hugo and,
// over two sizes or more, how baton grew from the first to the last.
func (b *bench) report(results []result) {
	hugos := b.hugos
	if b.opts.cache {
		fmt.Printf("\nbaton's build cache kept between runs;")
	} else {
		fmt.Printf("\nno build cache (baton --no-cache);")
	}
	if b.fresh && b.trash != "" {
		fmt.Printf(" each build into an empty output folder, no removals during the runs")
	} else if b.fresh {
		fmt.Printf(" each build into an empty output folder, the previous one removed just before")
	} else {
		fmt.Printf(" each build over the previous output")
	}
	width := 6
	for _, h := range hugos {
		width = max(width, len(h.name))
	}
	fmt.Printf("\n%-7s %-*s %10s %10s %10s %10s %8s   %s\n", "pages", width, "tool", "wall", "cpu", "peak RSS", "output", "files", "all walls")
	for _, r := range results {
		line := func(tool string, m sample, all []sample) {
			var walls []string
			for _, s := range all {
				walls = append(walls, fmt.Sprintf("%.2f", s.wall.Seconds()))
			}
			fmt.Printf("%-7d %-*s %9.2fs %9.2fs %8.0fMB %8.1fMB %8d   %s\n", r.pages, width, tool, m.wall.Seconds(), m.cpu.Seconds(), mb(m.rss), mb(m.bytes), m.files, strings.Join(walls, " "))
		}
		line("baton", r.batonSummary, r.baton)
		if len(r.floor) > 0 {
			walls := make([]sample, len(r.floor))
			var all []string
			for i, d := range r.floor {
				walls[i] = sample{wall: d}
				all = append(all, fmt.Sprintf("%.2f", d.Seconds()))
			}
			f := median(walls).wall
			fmt.Printf("%-7d %-*s %9.2fs %10s %10s %10s %8s   %s\n", r.pages, width, "floor", f.Seconds(), "", "", "", "", strings.Join(all, " "))
			fmt.Printf("%-7d ratio  baton %.2f× the floor (target ≤ 1.50)\n", r.pages, r.batonSummary.wall.Seconds()/f.Seconds())
		}
		for k, h := range hugos {
			line(h.name, r.hugoSummary[k], r.hugo[k])
		}
		if len(r.loads) > 0 {
			fmt.Printf("%-7d load   %.2f–%.2f as the runs began (1-minute load average; this machine has %d cores)\n", r.pages, slices.Min(r.loads), slices.Max(r.loads), runtime.NumCPU())
		}
		for k, h := range hugos {
			bm, hm := r.batonSummary, r.hugoSummary[k]
			fmt.Printf("%-7d ratio  baton/%s: time %.2f× (target ≤ 0.50)  cpu %.2f×  memory %.2f× (target ≤ 0.25)  output bytes %.2f×  files %.2f×\n", r.pages, h.name,
				bm.wall.Seconds()/hm.wall.Seconds(), bm.cpu.Seconds()/hm.cpu.Seconds(), float64(bm.rss)/float64(hm.rss), float64(bm.bytes)/float64(hm.bytes), float64(bm.files)/float64(hm.files))
		}
	}
	if len(results) >= 2 {
		a, z := results[0], results[len(results)-1]
		scale := float64(z.pages) / float64(a.pages)
		fmt.Printf("\nbaton growth %d → %d pages (%.0f×): time %.2f×, output bytes %.2f×, memory %.2f× (target time and bytes ≤ %.0f×)\n",
			a.pages, z.pages, scale,
			z.batonSummary.wall.Seconds()/a.batonSummary.wall.Seconds(),
			float64(z.batonSummary.bytes)/float64(a.batonSummary.bytes),
			float64(z.batonSummary.rss)/float64(a.batonSummary.rss), scale*1.1)
	}
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }

// usage reports a bad flag, with exit status 2 as flag's own errors.
func usage(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "benchcmp: "+format+"\n", args...)
	os.Exit(2)
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "benchcmp: "+format+"\n", args...)
	os.Exit(1)
}

// loadAverage is the 1-minute load average from /proc/loadavg, or -1
// where there is none: on a shared machine it says how far to trust a run.
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return -1
	}
	l, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return -1
	}
	return l
}

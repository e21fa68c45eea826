package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/buildcache"
)

// cacheFlags defines --cache-dir and --no-cache on fs. The function it
// returns gives, once the flags are parsed, the cache folder of the site in
// dir, or "" for none.
func cacheFlags(fs *flag.FlagSet) func(dir string) string {
	cacheDir := fs.String("cache-dir", "", "`folder` of the build cache, which lets a build skip work an earlier one did (default SITE/"+buildcache.Dir+")")
	noCache := fs.Bool("no-cache", false, "neither read nor write the build cache")
	return func(dir string) string {
		switch {
		case *noCache:
			return ""
		case *cacheDir != "":
			return *cacheDir
		}
		return filepath.Join(dir, buildcache.Dir)
	}
}

// loadCache gives opts the cache in dir ("" for none).
func loadCache(opts *build.Options, dir string) {
	if dir != "" {
		opts.Docs = buildcache.LoadDocs(dir)
		opts.Code = buildcache.LoadCode(dir)
		opts.Words = buildcache.LoadWords(dir)
	}
}

// saveCache writes opts' cache into dir. A cache that cannot be written
// costs the next build time, not this one its result: it is a warning.
func saveCache(stderr io.Writer, opts build.Options, dir string) {
	if dir == "" || opts.Code == nil || opts.Words == nil {
		return
	}
	err := buildcache.SaveCode(dir, opts.Code)
	if err == nil {
		err = buildcache.SaveWords(dir, opts.Words)
	}
	if err == nil && opts.Docs != nil {
		err = buildcache.SaveDocs(dir, opts.Docs)
	}
	if pages, ok := opts.Pages.(*buildcache.Pages); ok && err == nil {
		err = buildcache.SavePages(pages)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: the build cache was not saved: %v\n", newPalette(stderr).warn("warning"), err)
	}
}

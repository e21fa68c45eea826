package layout

import (
	"io/fs"
	"path"
	"strings"
)

// Nuxt Content publishes the Markdown in a Nuxt app's content/ folder:
// each file at its path, with the number prefixes that order files and
// folders (1.getting-started/2.installation.md) left out of its URL, and
// the app's public/ at the site's root.

// nuxtConfigs are the files that make a folder a Nuxt app.
var nuxtConfigs = []string{"nuxt.config.ts", "nuxt.config.js", "nuxt.config.mjs", "nuxt.config.mts"}

// readNuxtContent reads the Nuxt Content site whose app folder is dir: a
// Nuxt app with a content/ folder, and Nuxt Content's own settings
// (content.config.*) or its module, or a theme made on it (Docus), named
// in the app's config. It reports false when dir is no such app.
func readNuxtContent(fsys fs.FS, dir string) (Layout, bool) {
	root := path.Join(dir, "content")
	cfg := firstExisting(fsys, prefixed(dir, nuxtConfigs)...)
	if cfg == "" || !isDir(fsys, root) {
		return Layout{}, false
	}
	if firstExisting(fsys, prefixed(dir, []string{"content.config.ts", "content.config.js", "content.config.mjs"})...) == "" {
		src, err := fs.ReadFile(fsys, cfg)
		if err != nil || !strings.Contains(string(src), "@nuxt/content") && !strings.Contains(string(src), "docus") {
			return Layout{}, false
		}
	}
	l := Layout{Kind: NuxtContent, Root: root, Title: configTitle(fsys, cfg), NumberPrefixes: true}
	return withStatic(fsys, l, path.Join(dir, "public")), true
}

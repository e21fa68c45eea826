package layout

import (
	"cmp"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/batonhq/baton/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// hugoConfigs are the files that make a folder with content/ a Hugo site.
var hugoConfigs = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// siteSettings is what baton reads of a Hugo or Jekyll site's settings.
// Hugo's pages are in contentDir, or in the folder a module mount shows
// as content (a site whose pages are in content/en, say); Jekyll's in
// its source folder.
type siteSettings struct {
	Title      string     `toml:"title" yaml:"title"`
	ContentDir string     `toml:"contentDir" yaml:"contentDir"`
	Source     string     `toml:"source" yaml:"source"`
	Module     hugoModule `toml:"module" yaml:"module"`
	// Collections are Jekyll's: folders _<name> of documents, published
	// at their permalink, in collections_dir.
	Collections    map[string]jekyllCollection `toml:"collections" yaml:"collections"`
	CollectionsDir string                      `toml:"collections_dir" yaml:"collections_dir"`
	// Languages are a multilingual Hugo site's (hugolang.go).
	Languages       map[string]hugoLanguage `toml:"languages" yaml:"languages"`
	DefaultLanguage string                  `toml:"defaultContentLanguage" yaml:"defaultContentLanguage"`
	InSubdir        bool                    `toml:"defaultContentLanguageInSubdir" yaml:"defaultContentLanguageInSubdir"`
}

// jekyllCollection is one of a Jekyll site's collections.
type jekyllCollection struct {
	Permalink string `toml:"permalink" yaml:"permalink"`
}

// hugoModule is a Hugo site's module settings (in its settings file, or
// a file of their own in config/_default/).
type hugoModule struct {
	Mounts []hugoMount `toml:"mounts" yaml:"mounts"`
}

// hugoMount shows a folder of the site as another to Hugo: content/en as
// content, for one language (lang:, or sites: {matrix: {languages: [en]}}).
type hugoMount struct {
	Source string `toml:"source" yaml:"source"`
	Target string `toml:"target" yaml:"target"`
	Lang   string `toml:"lang" yaml:"lang"`
	Sites  struct {
		Matrix struct {
			Languages []string `toml:"languages" yaml:"languages"`
		} `toml:"matrix" yaml:"matrix"`
	} `toml:"sites" yaml:"sites"`
}

// readSettings decodes file, TOML or YAML, into v, and reports whether it
// could; a file that cannot be read or decoded gives nothing, since the
// build does not depend on it.
func readSettings(fsys fs.FS, file string, v any) bool {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return false
	}
	switch path.Ext(file) {
	case ".toml":
		_, err := toml.Decode(string(src), v)
		return err == nil
	case ".yaml", ".yml":
		root, _ := strictyaml.Parse(file, src)
		return root != nil && root.Kind == yaml.MappingNode && root.Decode(v) == nil
	}
	return false
}

// readHugo reads a Hugo site: its title and the folder of its pages.
func readHugo(fsys fs.FS, file string) Layout {
	if file == "" {
		file = firstExisting(fsys, "config/_default/hugo.toml", "config/_default/config.toml", "config/_default/hugo.yaml", "config/_default/config.yaml")
	}
	var s siteSettings
	if !readSettings(fsys, file, &s) {
		s = siteSettings{}
	}
	if m := firstExisting(fsys, "config/_default/module.toml", "config/_default/module.yaml"); m != "" {
		var mod hugoModule
		if readSettings(fsys, m, &mod) {
			s.Module.Mounts = append(s.Module.Mounts, mod.Mounts...)
		}
	}
	l := Layout{Kind: Hugo, Root: "content", Title: s.Title}
	if root, urls, ok := hugoLanguages(fsys, s); ok {
		l.Root, l.FolderURLs = root, urls
		return l
	}
	dir := s.ContentDir
	for _, m := range s.Module.Mounts {
		if dir == "" && path.Clean(m.Target) == "content" {
			dir = m.Source
		}
	}
	if dir, ok := cleanRoot(dir); ok && dir != "." && isDir(fsys, dir) {
		l.Root = dir
	}
	return l
}

// jekyllConfigs are the files that make a folder a Jekyll site.
var jekyllConfigs = []string{"_config.yml", "_config.yaml", "_config.toml"}

// readJekyll reads a Jekyll site: its title and its source folder, else
// the folder of Markdown a plain site would have.
func readJekyll(fsys fs.FS, file string) Layout {
	var s siteSettings
	if !readSettings(fsys, file, &s) {
		s = siteSettings{}
	}
	l := Layout{Kind: Jekyll, Root: markdownRoot(fsys), Title: s.Title}
	if dir, ok := cleanRoot(s.Source); ok && s.Source != "" && isDir(fsys, dir) {
		l.Root = dir
	}
	l.FolderURLs = collectionURLs(fsys, l.Root, s)
	return l
}

// collectionURLs is where a Jekyll site publishes the documents of each
// of its collections: _name/x/y.md at /name/x/y.html by default
// (/:collection/:path:output_ext), or as its permalink: says, when that
// is a path of literal segments and :collection before :path and what
// ends it (/:path/: /x/y/). baton publishes each page as a folder, so the
// ending is left to it. A permalink that names a document otherwise
// (:name, :title, :year) keeps the collection at its folder's URL.
func collectionURLs(fsys fs.FS, root string, s siteSettings) map[string]string {
	var urls map[string]string
	dir, ok := cleanRoot(s.CollectionsDir)
	if !ok {
		return nil
	}
	for name, c := range s.Collections {
		folder := path.Join(dir, "_"+name)
		if name == "" || name == "posts" || !fs.ValidPath(folder) || !isDir(fsys, path.Join(root, folder)) {
			continue
		}
		pattern := cmp.Or(c.Permalink, "/:collection/:path:output_ext")
		prefix, rest, ok := strings.Cut(pattern, ":path")
		if !ok || !collectionEnd.MatchString(rest) {
			continue
		}
		prefix = strings.ReplaceAll(prefix, ":collection", name)
		if !strings.HasPrefix(prefix, "/") || !strings.HasSuffix(prefix, "/") || strings.Contains(prefix, ":") || path.Clean(prefix)+"/" != prefix && prefix != "/" {
			continue
		}
		if urls == nil {
			urls = map[string]string{}
		}
		urls[folder] = prefix
	}
	return urls
}

// collectionEnd matches what may follow :path in a collection's
// permalink: a slash, an extension, or nothing.
var collectionEnd = regexp.MustCompile(`^(/|:output_ext|\.html?)?$`)

// readMiddleman reads a Middleman site (config.rb, its pages in source/):
// the title the GOV.UK tech docs template gives it in
// config/tech-docs.yml, where there is one.
func readMiddleman(fsys fs.FS) Layout {
	var s struct {
		ServiceName string `yaml:"service_name"`
	}
	readSettings(fsys, "config/tech-docs.yml", &s)
	return Layout{Kind: Middleman, Root: "source", Title: s.ServiceName}
}

// vitepressConfigs are the files that make a folder a VitePress site's.
var vitepressConfigs = []string{"config.ts", "config.mts", "config.js", "config.mjs", "config.cts", "config.cjs"}

// vitepressSrcDir finds the folder of pages in a VitePress config: a
// script, which baton does not run, so only a literal srcDir is read.
var vitepressSrcDir = regexp.MustCompile(`(?m)^[^/\n]*\bsrcDir\s*:\s*["'\x60]([^"'\x60\n]+)["'\x60]`)

// readVitePress reads a VitePress site whose project folder (the one with
// .vitepress/ in it) is dir: its pages are in its config's srcDir, else
// in dir itself. It reports false when dir holds no VitePress config.
func readVitePress(fsys fs.FS, dir string) (Layout, bool) {
	cfg := ""
	for _, name := range vitepressConfigs {
		if exists(fsys, path.Join(dir, ".vitepress", name)) {
			cfg = path.Join(dir, ".vitepress", name)
			break
		}
	}
	if cfg == "" {
		return Layout{}, false
	}
	l := Layout{Kind: VitePress, Root: dir}
	if src, err := fs.ReadFile(fsys, cfg); err == nil {
		l.Title = scriptTitle(src)
		if m := vitepressSrcDir.FindSubmatch(src); m != nil {
			if root, ok := cleanRoot(path.Join(dir, string(m[1]))); ok && isDir(fsys, root) {
				l.Root = root
			}
		}
	}
	return l, true
}

// scriptKeyLine is a line of a config written as a script that sets a
// key to a literal string: `  title: 'Redux',`.
func scriptKeyLine(key string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^([ \t]*)` + key + `\s*:\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)'|\x60([^\x60\\$\n]*)\x60)\s*,?\s*(?://.*)?$`)
}

var (
	scriptTitleLine   = scriptKeyLine("title")
	scriptBaseURLLine = scriptKeyLine("baseUrl")
)

// scriptTitle is the site's title in a Docusaurus, VitePress or Astro
// config, a script that baton does not run: the literal title least
// indented (the config object's own, before a navbar's or a sidebar's,
// nested deeper), the first of those; "" where none is a literal.
func scriptTitle(src []byte) string { return scriptValue(src, scriptTitleLine) }

// scriptValue is the literal value of the key line matches, least
// indented and first of those, trimmed; "" where none is a literal.
func scriptValue(src []byte, line *regexp.Regexp) string {
	value, indent := "", -1
	for _, m := range line.FindAllSubmatch(src, -1) {
		t := strings.TrimSpace(string(m[2]) + string(m[3]) + string(m[4]))
		if t != "" && (indent < 0 || len(m[1]) < indent) {
			value, indent = t, len(m[1])
		}
	}
	return value
}

// configTitle is scriptTitle of the file at name, or "".
func configTitle(fsys fs.FS, name string) string {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return ""
	}
	return scriptTitle(src)
}

// docusaurusConfigs are the files that make a folder a Docusaurus site.
var docusaurusConfigs = []string{"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs", "docusaurus.config.mts"}

// astroConfigs are the files that make a folder an Astro site's.
var astroConfigs = []string{"astro.config.mjs", "astro.config.ts", "astro.config.js", "astro.config.mts", "astro.config.cjs"}

// readStarlight reads an Astro Starlight site whose project folder is dir:
// its pages are in src/content/docs. It reports false when dir is no
// Astro project, or keeps its pages elsewhere.
func readStarlight(fsys fs.FS, dir string) (Layout, bool) {
	root := path.Join(dir, "src/content/docs")
	for _, name := range astroConfigs {
		if exists(fsys, path.Join(dir, name)) && isDir(fsys, root) {
			return Layout{Kind: Starlight, Root: root, Title: configTitle(fsys, path.Join(dir, name))}, true
		}
	}
	return Layout{}, false
}

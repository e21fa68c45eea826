package layout

import (
	"cmp"
	"io/fs"
	"path"
	"strings"
)

// A multilingual Hugo site keeps each language's pages in a folder of its
// own, content/en, content/ja, named by its language's contentDir, by a
// module mount of it as content for that language, or only by its name
// beside the others. Hugo publishes the default language's pages at the
// site's root (/docs/x/) and each other's under its code (/ja/docs/x/):
// baton reads the folder that holds them all, with the default's pages
// at the root (Layout.FolderURLs), so links written as the site's URLs
// (/docs/x/) find them, and no language is left out.

// hugoLanguage is one language of a Hugo site's settings.
type hugoLanguage struct {
	ContentDir string `toml:"contentDir" yaml:"contentDir"`
}

// hugoLanguages is the folder that holds the languages' folders of s's
// site, and the URL of each folder that Hugo does not publish at its
// name; false where the site does not keep two or more languages in
// folders side by side, with the default language among them.
func hugoLanguages(fsys fs.FS, s siteSettings) (string, map[string]string, bool) {
	dirs := map[string]string{} // language code -> folder
	for code, lang := range s.Languages {
		if dir, ok := cleanRoot(lang.ContentDir); ok && lang.ContentDir != "" {
			dirs[strings.ToLower(code)] = dir
		}
	}
	for _, m := range s.Module.Mounts {
		langs := m.Sites.Matrix.Languages
		if m.Lang != "" {
			langs = []string{m.Lang}
		}
		if dir, ok := cleanRoot(m.Source); ok && path.Clean(m.Target) == "content" && len(langs) == 1 && dirs[strings.ToLower(langs[0])] == "" {
			dirs[strings.ToLower(langs[0])] = dir
		}
	}
	if len(dirs) == 0 {
		for code := range s.Languages {
			dirs[strings.ToLower(code)] = path.Join("content", code)
		}
	}
	def := strings.ToLower(cmp.Or(s.DefaultLanguage, "en"))
	root := path.Dir(dirs[def])
	urls := map[string]string{}
	found := 0
	for code, dir := range dirs {
		if !isDir(fsys, dir) {
			continue
		}
		if found++; path.Dir(dir) != root {
			return "", nil, false
		}
		u := "/" + code + "/"
		if code == def && !s.InSubdir {
			u = "/"
		}
		if u != "/"+path.Base(dir)+"/" {
			urls[path.Base(dir)] = u
		}
	}
	if found < 2 || !isDir(fsys, dirs[def]) || root == "." {
		return "", nil, false
	}
	return root, urls, true
}

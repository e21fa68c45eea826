package scaffold

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/schema"
	"github.com/batonhq/baton/internal/source"
)

// Init starts a handbook in dir, a new or empty folder, from content (an
// FS holding a content/ folder: baton's default handbook): content/,
// schemas/ for editors, a README, a .gitignore and a GitHub Actions
// workflow. It returns how many files it wrote. When it fails it removes
// what it wrote, and nothing else.
func Init(dir string, content fs.FS) (int, error) {
	files, err := initFiles(content)
	if err != nil {
		return 0, err
	}
	made, err := emptyDir(dir)
	if err != nil {
		return 0, err
	}
	if err := write(dir, files); err != nil {
		if made {
			_ = os.RemoveAll(dir)
		} else {
			seen := map[string]bool{}
			for _, f := range files {
				if top := firstSegment(f.Path); !seen[top] {
					seen[top] = true
					_ = os.RemoveAll(filepath.Join(dir, top))
				}
			}
		}
		return 0, err
	}
	return len(files), nil
}

// emptyDir makes sure dir is a folder with nothing in it, creating it if
// needed, and reports whether it created it.
func emptyDir(dir string) (bool, error) {
	info, err := os.Stat(dir)
	switch {
	case os.IsNotExist(err):
		return true, os.MkdirAll(dir, 0o755)
	case err != nil:
		return false, err
	case !info.IsDir():
		return false, refuse("%s is a file; baton init needs a new or empty folder", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	if len(entries) > 0 {
		return false, refuse("%s is not empty (it holds %s); baton init starts a handbook only in a new or empty folder", dir, entries[0].Name())
	}
	return false, nil
}

// initFiles is everything a new handbook starts with.
func initFiles(content fs.FS) ([]File, error) {
	var files []File
	err := fs.WalkDir(content, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "content" && source.IgnoredEntry(d) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(content, p)
		files = append(files, File{p, data})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("reading the default handbook: %w", err)
	}
	for _, name := range schema.Names {
		data, _ := schema.Of(name, config.DefaultModel())
		files = append(files, File{"schemas/" + schema.File(name), data})
	}
	return append(files,
		File{"README.md", mustRead("templates/readme.md")},
		File{".gitignore", []byte("# baton build output\n/public/\n")},
		File{".github/workflows/handbook.yml", Workflow()},
	), nil
}

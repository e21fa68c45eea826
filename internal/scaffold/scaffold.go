// Package scaffold makes the files `baton init` and `baton new` write: a new
// handbook from the default one, and a role, playbook or reading path from
// a template. Its templates are embedded files under templates/.
//
// It never overwrites a file: every file is created exclusively, and Init
// takes back what it wrote when it fails. Mistakes a user can make (a bad
// id, a folder that is not empty) are *Refused errors, which the command
// reports as usage errors.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

//go:embed templates
var templates embed.FS

// parsed holds the templates of new files; it is read only.
var parsed = template.Must(template.ParseFS(templates, "templates/*.tmpl"))

// Refused is a request that cannot be carried out as asked: the message
// says why and what to do instead.
type Refused struct{ Msg string }

func (e *Refused) Error() string { return e.Msg }

func refuse(format string, args ...any) error { return &Refused{fmt.Sprintf(format, args...)} }

// File is a file to create.
type File struct {
	Path string // slash-separated, relative to the handbook folder
	Data []byte
}

// Workflow is the GitHub Actions workflow a new handbook starts with;
// docs/deploy.md shows the same file.
func Workflow() []byte { return mustRead("templates/workflow.yml") }

func mustRead(name string) []byte {
	data, err := templates.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time: a missing file is a bug in baton
	}
	return data
}

// write creates each file under dir, never over an existing one.
func write(dir string, files []File) error {
	for _, f := range files {
		if err := create(filepath.Join(dir, filepath.FromSlash(f.Path)), f.Data); err != nil {
			return err
		}
	}
	return nil
}

// create makes the file p and its folder; it refuses a file that exists.
func create(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	w, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return refuse("%s already exists; baton never overwrites a file", p)
	}
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

// execute runs the template name with data.
func execute(name string, data any) string {
	var b bytes.Buffer
	if err := parsed.ExecuteTemplate(&b, name, data); err != nil {
		panic(err) // the templates and their data are baton's own
	}
	return b.String()
}

// firstSegment is the first segment of a slash path.
func firstSegment(p string) string {
	top, _, _ := strings.Cut(p, "/")
	return top
}

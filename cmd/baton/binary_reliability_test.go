package main

// Faults at the command level, through the real binary: output folders
// that would put the user's files at risk, a build killed half way, a
// theme that fails while it renders, and serve next to a built site.

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// batonBinary builds the command into a temporary folder.
func batonBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build baton with")
	}
	bin := filepath.Join(t.TempDir(), "baton")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// writeTree writes files under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checksum lists every entry under dir (files with a hash of their bytes,
// links with their target), so any change to the tree shows.
func checksum(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			m[rel] = "link " + target
		case d.IsDir():
			m[rel] = "dir"
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			m[rel] = fmt.Sprintf("%x", sha256.Sum256(data))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func sameTree(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	if fmt.Sprint(before) == fmt.Sprint(after) {
		return
	}
	for p, h := range before {
		if after[p] != h {
			t.Errorf("%s: %s changed or went", what, p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s: %s appeared", what, p)
		}
	}
}

// runEnv runs the binary in dir with extra environment variables.
func runEnv(t *testing.T, bin, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "NO_COLOR=1"), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("baton %s: %v", strings.Join(args, " "), err)
	}
	return result{code, stdout.String(), stderr.String()}
}

var smallSite = map[string]string{
	"content/handbook.yaml": "title: Guarded\n",
	"content/a.md":          "---\ntitle: A\n---\nAlpha.\n",
	"content/b/c.md":        "---\ntitle: C\n---\nCharlie.\n",
}

// TestOutputFolderGuards points --out at the site, its parent, its
// sources, the home folder, the root, a folder baton did not make and a
// link to the site: each is refused with exit 2, and not one file under
// any of them changes.
func TestOutputFolderGuards(t *testing.T) {
	bin := batonBinary(t)
	root := t.TempDir()
	site := filepath.Join(root, "site")
	home := filepath.Join(root, "home")
	foreign := filepath.Join(root, "docs")
	writeTree(t, site, smallSite)
	writeTree(t, home, map[string]string{"notes.txt": "mine", ".ssh/id_rsa": "key"})
	writeTree(t, foreign, map[string]string{"index.html": "not baton's"})
	if err := os.Symlink(site, filepath.Join(root, "link-to-site")); err != nil {
		t.Fatal(err)
	}
	env := []string{"HOME=" + home}
	for _, out := range []string{
		".", "..", site, root, "content", "content/out", "layouts", home, "/", foreign,
		filepath.Join(root, "link-to-site"), filepath.Join(site, "content", "a.md"),
	} {
		before := checksum(t, root)
		r := runEnv(t, bin, site, env, "build", "--out", out)
		if r.code != 2 || !strings.Contains(r.stderr, "refusing output folder") {
			t.Errorf("--out %s: exit %d, want 2 with a refusal\nstderr: %s", out, r.code, r.stderr)
		}
		sameTree(t, "--out "+out, before, checksum(t, root))
	}
	// The same through the site argument, from elsewhere.
	before := checksum(t, root)
	r := runEnv(t, bin, root, env, "build", "site", "--out", "site")
	r.want(t, 2, "build site --out site")
	sameTree(t, "build site --out site", before, checksum(t, root))
}

// TestKilledBuild builds a large site, puts the user's files into public/,
// changes every page, starts a second build and stops it while it writes:
// with SIGKILL, and with SIGTERM (a cancelled CI job, timeout), which
// baton takes as SIGINT: it stops, says so and exits 1. Either way the
// previous output is byte for byte as it was, the user's files in it; the
// next build succeeds and leaves no temporary folder behind.
func TestKilledBuild(t *testing.T) {
	bin := batonBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) { killWhileWriting(t, bin, sig) })
	}
}

func killWhileWriting(t *testing.T, bin string, sig syscall.Signal) {
	site := t.TempDir()
	files := map[string]string{"content/handbook.yaml": "title: Big\n"}
	para := strings.Repeat("The conductor leads by influence, not authority. ", 40)
	for i := range 3000 {
		files[fmt.Sprintf("content/s%02d/p%04d.md", i%30, i)] = fmt.Sprintf("---\ntitle: Page %d\ntags: [t%d]\n---\n## One\n\n%s\n\n## Two\n\n%s\n", i, i%50, para, para)
	}
	writeTree(t, site, files)
	runBinary(t, bin, site, "build", "--quiet").want(t, 0, "first build")
	public := filepath.Join(site, "public")
	writeTree(t, public, map[string]string{"CNAME": "handbook.example.com", ".git/config": "[core]", "s00/notes.txt": "mine"})
	before := checksum(t, public)
	for name, body := range files {
		if strings.HasSuffix(name, ".md") {
			files[name] = body + "\nEdited.\n"
		}
	}
	writeTree(t, site, files)

	cmd := exec.Command(bin, "build", "--quiet")
	cmd.Dir = site
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	written := func() int {
		n := 0
		tmps, _ := filepath.Glob(filepath.Join(site, ".public.tmp-*"))
		for _, tmp := range tmps {
			filepath.WalkDir(tmp, func(_ string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					n++
				}
				return nil
			})
		}
		return n
	}
	deadline := time.Now().Add(2 * time.Minute)
	for written() < 200 {
		select {
		case err := <-done:
			t.Fatalf("the build finished (%v) before it could be stopped half way; make the site bigger", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("the build wrote nothing within two minutes")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	err := <-done
	var exit *exec.ExitError
	switch {
	case sig == syscall.SIGKILL && (!errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL):
		t.Fatalf("the build ended with %v, not by the kill", err)
	case sig == syscall.SIGTERM && (!errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(stderr.String(), "terminated signal received: build stopped; public left as it was")):
		t.Fatalf("the build ended with %v, want exit 1 saying it stopped; stderr:\n%s", err, stderr.String())
	}
	sameTree(t, "public/ after a stopped build", before, checksum(t, public))
	if sig == syscall.SIGKILL && written() == 0 {
		t.Fatalf("the killed build left no temporary folder: it was not killed half way")
	}

	runBinary(t, bin, site, "build", "--quiet").want(t, 0, "build after the kill")
	// The stopped build's folder is kept as the previous output for the
	// build after (see publish.Previous), never as a temporary folder.
	if tmps, _ := filepath.Glob(filepath.Join(site, ".public.tmp-*")); len(tmps) != 0 {
		t.Errorf("temporary folders left after the next build: %v", tmps)
	}
	page, err := os.ReadFile(filepath.Join(public, "s00", "p0000", "index.html"))
	if err != nil || !bytes.Contains(page, []byte("Edited.")) {
		t.Errorf("the build after the kill did not write the edited site: %v", err)
	}
	got := checksum(t, public)
	for _, p := range []string{"CNAME", filepath.Join(".git", "config"), filepath.Join("s00", "notes.txt")} {
		if got[p] != before[p] {
			t.Errorf("the user's %s is lost or changed", p)
		}
	}
}

// TestTemplateFailsWhileRendering overrides a theme file with a template
// that parses but fails when it runs. The build exits 1 naming the
// template, and writes nothing: the previous output stays byte for byte,
// and no temporary folder is left (the failed build's is set aside as the
// previous output for the next build).
func TestTemplateFailsWhileRendering(t *testing.T) {
	bin := batonBinary(t)
	site := t.TempDir()
	writeTree(t, site, smallSite)
	runBinary(t, bin, site, "build", "--quiet").want(t, 0, "first build")
	public := filepath.Join(site, "public")
	before := checksum(t, public)
	for _, tmpl := range []string{
		`{{ template "layouts/baseof.html" . }}{{ define "main" }}{{ .Title.Nope }}{{ end }}`,
		`{{ template "layouts/baseof.html" . }}{{ define "main" }}{{ index .Site.Pages 99999 }}{{ end }}`,
		`{{ template "layouts/baseof.html" . }}{{ define "main" }}{{ template "no-such-template" . }}{{ end }}`,
		`{{ template "layouts/baseof.html" . }}{{ define "main" }}{{ .Rel "" }}{{ end }}`,
		// More of the site than a Markdown page's view holds.
		`{{ template "layouts/baseof.html" . }}{{ define "main" }}{{ len .Site.Pages }}{{ end }}`,
	} {
		writeTree(t, site, map[string]string{"layouts/page.html": tmpl})
		r := runBinary(t, bin, site, "build")
		r.want(t, 1, "build with "+tmpl)
		if !strings.Contains(r.stderr, "layouts/page.html:") || !strings.Contains(r.stderr, "left as it was") {
			t.Errorf("%s: stderr does not name the theme and say the output was kept:\n%s", tmpl, r.stderr)
		}
		sameTree(t, "public/ after "+tmpl, before, checksum(t, public))
		if tmps, _ := filepath.Glob(filepath.Join(site, ".public.tmp-*")); len(tmps) != 0 {
			t.Errorf("%s: temporary folders left: %v", tmpl, tmps)
		}
	}
}

// TestServeLeavesBuiltOutput: serve renders to memory, so a built public/
// is the same after serve has run and been interrupted.
func TestServeLeavesBuiltOutput(t *testing.T) {
	bin := batonBinary(t)
	site := t.TempDir()
	writeTree(t, site, smallSite)
	runBinary(t, bin, site, "build", "--quiet").want(t, 0, "build")
	before := checksum(t, site)
	serveBriefly(t, bin, site) // also checks that it listens on 127.0.0.1
	sameTree(t, "the site after serve", before, checksum(t, site))
}

// TestLinkedOutputRefused: public -> /srv/www/handbook, an earlier baton
// output holding the user's CNAME, .git and .gitignore. The build exits 2
// with a message that says the output is a link and what to pass instead,
// and nothing in the target, the link or beside it changes.
func TestLinkedOutputRefused(t *testing.T) {
	bin := batonBinary(t)
	root := t.TempDir()
	site := filepath.Join(root, "site")
	target := filepath.Join(root, "srv", "www", "handbook")
	writeTree(t, site, smallSite)
	runBinary(t, bin, site, "build", "--quiet", "--out", target).want(t, 0, "build into the target")
	writeTree(t, target, map[string]string{"CNAME": "handbook.example.com", ".git/config": "[core]", ".gitignore": "*.log\n"})
	if err := os.Symlink(target, filepath.Join(site, "public")); err != nil {
		t.Fatal(err)
	}
	before := checksum(t, root)
	for _, args := range [][]string{{"build"}, {"build", "--out", "public"}, {"build", "--out", filepath.Join(site, "public")}} {
		r := runBinary(t, bin, site, args...)
		r.want(t, 2, strings.Join(args, " "))
		if !strings.Contains(r.stderr, "symbolic link") || !strings.Contains(r.stderr, "--out "+target) {
			t.Errorf("%s: stderr does not say the output is a link and to pass --out %s:\n%s", strings.Join(args, " "), target, r.stderr)
		}
		sameTree(t, strings.Join(args, " "), before, checksum(t, root))
	}
}

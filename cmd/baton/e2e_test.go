package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// result is what a run of the binary did.
type result struct {
	code           int
	stdout, stderr string
}

// runBinary runs the baton binary in dir, as a user would.
func runBinary(t *testing.T, bin, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
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

func (r result) want(t *testing.T, code int, what string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", what, r.code, code, r.stdout, r.stderr)
	}
}

// TestInstalledBinary builds the command as go install would, then uses it
// in folders far from the source tree: init a handbook, build it, add files
// with new, check a broken copy, and serve it.
func TestInstalledBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build baton with")
	}
	bin := filepath.Join(t.TempDir(), "baton")
	build := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	root := t.TempDir()
	hb := filepath.Join(root, "handbook")

	r := runBinary(t, bin, root, "init", "handbook")
	r.want(t, 0, "init")
	for _, f := range []string{"content/handbook.yaml", "content/_index.md", "content/playbooks/foundations/_index.md", "content/roles/product-manager.yaml",
		"schemas/role.json", "schemas/config.json", "README.md", ".gitignore", ".github/workflows/handbook.yml"} {
		if _, err := os.Stat(filepath.Join(hb, f)); err != nil {
			t.Errorf("init did not write %s: %v", f, err)
		}
	}
	r = runBinary(t, bin, root, "init", "handbook")
	r.want(t, 2, "init into a non-empty folder")
	if !strings.Contains(r.stderr, "not empty") {
		t.Errorf("init into a non-empty folder says %q", r.stderr)
	}

	r = runBinary(t, bin, hb, "build")
	r.want(t, 0, "build")
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], "built ") || r.stderr != "" {
		t.Errorf("build off a terminal printed more than a summary line:\nstdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(hb, "public", "index.html")); err != nil {
		t.Errorf("build wrote no public/index.html: %v", err)
	}
	// The second build keeps the first output beside the new one; the
	// third writes over it and changes nothing.
	runBinary(t, bin, hb, "build").want(t, 0, "second build")
	r = runBinary(t, bin, hb, "build")
	r.want(t, 0, "third build")
	if !regexp.MustCompile(`^built \d+ files \(0 changed\) into `).MatchString(r.stdout) {
		t.Errorf("a build over an unchanged output says %q, want (0 changed)", r.stdout)
	}
	// The builds kept the highlighted code and the search words in the
	// build cache; a build without it writes the same bytes.
	for _, name := range []string{"code-blocks", "search-words"} {
		if info, err := os.Stat(filepath.Join(hb, ".baton-cache", name)); err != nil || info.Mode().Perm() != 0o644 {
			t.Errorf("the build cache's %s was not kept, or not readable by all: %v, %v", name, info, err)
		}
	}
	fresh := filepath.Join(root, "fresh")
	runBinary(t, bin, hb, "build", "--no-cache", "--out", fresh).want(t, 0, "build --no-cache")
	if want := checksum(t, filepath.Join(hb, "public")); len(want) < 10 {
		t.Errorf("the build wrote %d files", len(want))
	} else {
		sameTree(t, "a build without the cache", want, checksum(t, fresh))
	}
	alt := filepath.Join(root, "cache")
	runBinary(t, bin, hb, "build", "--cache-dir", alt, "--out", fresh).want(t, 0, "build --cache-dir")
	if _, err := os.Stat(filepath.Join(alt, "code-blocks")); err != nil {
		t.Errorf("build --cache-dir did not keep its cache there: %v", err)
	}
	// A cache that cannot be kept is a warning: the build stands.
	r = runBinary(t, bin, hb, "build", "--cache-dir", filepath.Join(hb, "README.md"), "--out", fresh)
	r.want(t, 0, "build with a file for --cache-dir")
	if !strings.Contains(r.stderr, "warning: the build cache was not saved: ") {
		t.Errorf("build with a file for --cache-dir says %q", r.stderr)
	}
	if _, err := exec.LookPath("git"); err == nil {
		if out, err := exec.Command("git", "init", "-q", hb).CombinedOutput(); err != nil {
			t.Fatalf("git init: %v\n%s", err, out)
		}
		out, err := exec.Command("git", "-C", hb, "status", "--porcelain", "--untracked-files=all").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "content/") || strings.Contains(string(out), ".public") || strings.Contains(string(out), ".baton-cache") {
			t.Errorf("git status of the site should list content/ and not the kept output or the cache:\n%s", out)
		}
	}

	for _, c := range []struct{ args, file, placeholder string }{
		{"new role product-ops", "content/roles/product-ops.yaml", "One sentence on what Product Ops does"},
		{"new playbook playbooks/working-with/legal.md", "content/playbooks/working-with/legal.md", "Write the playbook here"},
		{"new path onboarding-sales", "content/paths/onboarding-sales.yaml", "One sentence on where this path leads"},
	} {
		r = runBinary(t, bin, hb, strings.Fields(c.args)...)
		r.want(t, 0, c.args)
		wantPlaceholderAt(t, hb, r.stdout, c.file, c.placeholder)
		runBinary(t, bin, hb, strings.Fields(c.args)...).want(t, 2, c.args+" again")
	}
	r = runBinary(t, bin, hb, "build", "--quiet")
	r.want(t, 0, "build after new")
	if r.stdout != "" {
		t.Errorf("build --quiet printed %q", r.stdout)
	}
	// The new role has no playbook yet: a warning, which fails only --strict.
	runBinary(t, bin, hb, "check").want(t, 0, "check")
	r = runBinary(t, bin, hb, "check", "--strict")
	r.want(t, 1, "check --strict")
	if want := `content/roles/product-ops.yaml:1:1: warning: role "product-ops" has no playbooks`; !strings.Contains(r.stdout, want) {
		t.Errorf("check --strict printed\n%s\nwant a line starting %s", r.stdout, want)
	}

	broken := filepath.Join(root, "broken")
	runBinary(t, bin, root, "init", broken).want(t, 0, "init broken")
	page := "---\ntitle: Broken\nroles: [enginering]\n---\nSee [nowhere](nowhere.md).\n"
	if err := os.WriteFile(filepath.Join(broken, "content", "playbooks", "broken.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runBinary(t, bin, broken, "check", "--format", "json")
	r.want(t, 1, "check --format json on a broken handbook")
	var got []string
	for line := range strings.Lines(r.stdout) {
		var d struct {
			File, Severity, Message string
			Line, Col               int
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("check --format json printed %q, not a JSON object: %v", line, err)
		}
		got = append(got, strings.Join([]string{d.File, strconv.Itoa(d.Line), strconv.Itoa(d.Col), d.Severity}, ":"))
	}
	want := []string{"content/playbooks/broken.md:3:9:error", "content/playbooks/broken.md:5:5:error"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("check --format json gave %v, want %v", got, want)
	}

	r = runBinary(t, bin, hb, "biuld")
	r.want(t, 2, "an unknown command")
	if !strings.Contains(r.stderr, `did you mean "build"?`) {
		t.Errorf("an unknown command says %q", r.stderr)
	}
	runBinary(t, bin, hb, "build", "--quite").want(t, 2, "an unknown flag")

	r = runBinary(t, bin, hb, "version")
	r.want(t, 0, "version")
	if !regexp.MustCompile(`^baton \S+.* go1\.\d+`).MatchString(r.stdout) {
		t.Errorf("version printed %q", r.stdout)
	}

	serveBriefly(t, bin, hb)
}

// wantPlaceholderAt reads the file:line:col that baton new printed and
// checks that the placeholder text starts there.
func wantPlaceholderAt(t *testing.T, dir, stdout, file, placeholder string) {
	t.Helper()
	m := regexp.MustCompile(`(?m)^(\S+):(\d+):(\d+): `).FindStringSubmatch(stdout)
	if m == nil || m[1] != filepath.FromSlash(file) {
		t.Errorf("baton new printed %q, want %s:LINE:COL", stdout, file)
		return
	}
	data, err := os.ReadFile(filepath.Join(dir, m[1]))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	if line < 1 || line > len(lines) || col < 1 || col > len(lines[line-1]) || !strings.HasPrefix(lines[line-1][col-1:], placeholder) {
		t.Errorf("%s:%d:%d is not where %q starts", file, line, col, placeholder)
	}
}

// serveBriefly starts baton serve on a free port, fetches the home page
// from the URL it prints, and stops it with an interrupt, as Ctrl-C does.
func serveBriefly(t *testing.T, bin, dir string) {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--port", "0")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	cmd.Stderr = io.Discard
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	stopped := false
	defer func() {
		if !stopped {
			_ = cmd.Process.Kill()
			<-done
		}
	}()
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if u := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(sc.Text()); u != "" {
				urls <- u
				break
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	var url string
	select {
	case url = <-urls:
	case <-time.After(60 * time.Second):
		t.Fatal("serve printed no URL within a minute")
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte("<html")) {
		t.Errorf("GET %s: %s, %d bytes", url, resp.Status, len(body))
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		stopped = true
		if err != nil {
			t.Errorf("serve after an interrupt: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Errorf("serve did not stop within 10s of an interrupt")
	}
}

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestHugoName(t *testing.T) {
	for _, c := range []struct{ version, want string }{
		{"hugo v0.111.3+extended linux/amd64 BuildDate=2023-03-16T08:41:31Z VendorInfo=debian:0.111.3-1\n", "hugo 0.111.3"},
		{"hugo v0.150.0 linux/amd64 BuildDate=unknown\n", "hugo 0.150.0"},
		{"hugo v0.151.0-DEV-abc123+extended linux/amd64\n", "hugo 0.151.0"},
		{"", "hugo #2"},
		{"Hugo Static Site Generator v0.54.0 linux/amd64\n", "hugo #2"},
	} {
		if got := hugoName(c.version, 1); got != c.want {
			t.Errorf("hugoName(%q) = %q, want %q", c.version, got, c.want)
		}
	}
}

// buildTools builds baton and benchcmp into a temporary folder.
func buildTools(t *testing.T) (baton, benchcmp string) {
	t.Helper()
	dir := t.TempDir()
	baton, benchcmp = filepath.Join(dir, "baton"), filepath.Join(dir, "benchcmp")
	for bin, pkg := range map[string]string{baton: "../baton", benchcmp: "."} {
		if out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	return baton, benchcmp
}

// TestShapesAndHugos runs benchcmp on a small corpus of each shape with
// every Hugo found and one that is missing, and reads its report: a line
// for baton and one for each Hugo, with output bytes and files, and a ratio
// line for each Hugo.
func TestShapesAndHugos(t *testing.T) {
	baton, benchcmp := buildTools(t)
	hugos := []string{"hugo", "/work/bin/hugo"}
	var found []string
	for _, h := range hugos {
		if _, err := exec.LookPath(h); err == nil {
			found = append(found, h)
		}
	}
	for _, shape := range []string{"balanced", "flat", "real"} {
		t.Run(shape, func(t *testing.T) {
			cmd := exec.Command(benchcmp, "-pages", "60", "-runs", "1", "-shape", shape, "-baton", baton,
				"-dir", t.TempDir(), "-hugo", strings.Join(append(hugos, filepath.Join(t.TempDir(), "no-hugo")), ","))
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("benchcmp: %v\n%s\n%s", err, out, stderr.String())
			}
			report := string(out)
			if !strings.Contains(report, "corpus shape: "+shape+"\n") {
				t.Errorf("report does not name the shape %s:\n%s", shape, report)
			}
			if !strings.Contains(stderr.String(), "no-hugo not found; not measured") {
				t.Errorf("no word of the missing Hugo:\n%s", stderr.String())
			}
			row := regexp.MustCompile(`(?m)^60 +(baton|hugo [0-9.]+) +[0-9.]+s +[0-9.]+s +[0-9]+MB +[0-9.]+MB +[0-9]+ `)
			rows := row.FindAllStringSubmatch(report, -1)
			if len(rows) != 1+len(found) {
				t.Errorf("got %d result rows, want baton and %d Hugos:\n%s", len(rows), len(found), report)
			}
			ratio := regexp.MustCompile(`(?m)^60 +ratio  baton/hugo [0-9.]+: time [0-9.]+× .* cpu [0-9.]+× .* output bytes [0-9.]+×  files [0-9.]+×$`)
			if got := len(ratio.FindAllString(report, -1)); got != len(found) {
				t.Errorf("got %d ratio lines, want %d:\n%s", got, len(found), report)
			}
			if _, err := os.Stat("/proc/loadavg"); err == nil && !regexp.MustCompile(`(?m)^60 +load +[0-9.]+–[0-9.]+ as the runs began`).MatchString(report) {
				t.Errorf("no load average in the report:\n%s", report)
			}
		})
	}
}

// TestUsageErrors expects exit status 2 and a message for flags that make
// no sense, before anything is built.
func TestUsageErrors(t *testing.T) {
	_, benchcmp := buildTools(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-shape", "round"}, `unknown corpus shape "round" (want balanced, flat, real)`},
		{[]string{"-shape", "real", "-floor"}, "-floor measures the balanced shape only"},
		{[]string{"-pages", "0"}, `bad -pages "0"`},
		{[]string{"-keep", "-defer-removal"}, "exclude each other"},
	} {
		cmd := exec.Command(benchcmp, append(c.args, "-dir", t.TempDir(), "-baton", os.DevNull)...)
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 2 || !strings.Contains(string(out), c.want) {
			t.Errorf("benchcmp %s: %v, %s; want exit status 2 and %q", strings.Join(c.args, " "), err, out, c.want)
		}
	}
}

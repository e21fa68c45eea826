package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/buildid"
)

const codeDoc = "# Code\n\n```go\npackage main\n\nfunc main() { println(\"hi\") }\n```\n\n" +
	"Text.\n\n```yaml\nroles: [pm]\n```\n\n```golang\npackage main\n\nfunc main() { println(\"hi\") }\n```\n\n" +
	"```nosuchlanguage\n<b>plain</b>\n```\n"

// knownVersions stands in for the versions of chroma and regexp2, which a
// test binary's build information leaves out (a real binary has them).
func knownVersions(t *testing.T) {
	if depVersions() != "" {
		return
	}
	real := depVersions
	depVersions = func() string {
		return "github.com/alecthomas/chroma/v2@v2.0.0-test github.com/dlclark/regexp2/v2@v2.0.0-test"
	}
	t.Cleanup(func() { depVersions = real })
}

func prepared(t *testing.T, r *Renderer, src string) string {
	t.Helper()
	d, err := r.Prepare([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return string(d.html)
}

func encoded(t *testing.T, c *CodeCache) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := c.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCodeCacheGivesWhatChromaGives: a block taken from a cache, fresh or
// carried from an earlier run, is the block chroma writes, and a run that
// takes every block from the cache highlights none.
func TestCodeCacheGivesWhatChromaGives(t *testing.T) {
	knownVersions(t)
	want := prepared(t, New(false), codeDoc)
	if !strings.Contains(want, `<span class="kd">func</span>`) {
		t.Fatalf("chroma did not highlight the Go block:\n%s", want)
	}

	first := NewCodeCache()
	if got := prepared(t, NewCached(false, first), codeDoc); got != want {
		t.Errorf("with an empty cache:\n%s\nwant\n%s", got, want)
	}
	// "go" and "golang" are one lexer and one block, highlighted once; the
	// unknown language is not highlighted, so not cached.
	if reused, made := first.Stats(); reused != 1 || made != 2 {
		t.Errorf("first run: %d reused, %d made; want 1 and 2", reused, made)
	}
	if !first.Changed() {
		t.Error("a cache that highlighted blocks says it did not change")
	}

	saved := encoded(t, first)
	if first.Changed() {
		t.Error("a cache just encoded says it changed")
	}
	prepared(t, NewCached(false, first), codeDoc)
	if first.Changed() {
		t.Error("a cache that took every block from itself after it was encoded says it changed")
	}

	second := DecodeCodeCache(saved)
	if got := prepared(t, NewCached(false, second), codeDoc); got != want {
		t.Errorf("from the cache:\n%s\nwant\n%s", got, want)
	}
	if reused, made := second.Stats(); reused != 3 || made != 0 {
		t.Errorf("second run: %d reused, %d made; want 3 and 0", reused, made)
	}
	if second.Changed() {
		t.Error("a run that took every block from the cache says it changed")
	}
	if !bytes.Equal(encoded(t, second), encoded(t, first)) {
		t.Error("the same blocks encode to other bytes")
	}

	// An edited block is highlighted; the block no page has any more is
	// dropped from what the run keeps, and a block made after an Encode
	// counts as a change.
	edited := strings.Replace(codeDoc, "roles: [pm]", "roles: [pm, eng]", 1)
	third := DecodeCodeCache(encoded(t, second))
	if got, want := prepared(t, NewCached(false, third), edited), prepared(t, New(false), edited); got != want {
		t.Errorf("after an edit:\n%s\nwant\n%s", got, want)
	}
	if reused, made := third.Stats(); reused != 2 || made != 1 || !third.Changed() {
		t.Errorf("after an edit: %d reused, %d made, changed %v; want 2, 1, true", reused, made, third.Changed())
	}
	if kept := DecodeCodeCache(encoded(t, third)); len(kept.old) != 2 {
		t.Errorf("after an edit the cache keeps %d blocks, want 2", len(kept.old))
	}
	prepared(t, NewCached(false, third), "```sql\nselect 1;\n```\n")
	if !third.Changed() {
		t.Error("a cache that highlighted a block after it was encoded says it did not change")
	}
	if kept := DecodeCodeCache(encoded(t, third)); len(kept.old) != 3 {
		t.Errorf("with one more block the cache keeps %d blocks, want 3", len(kept.old))
	}
}

// TestCodeCacheDropsWhatItCannotTrust: data from another chroma or format,
// cut short or damaged anywhere gives an empty cache, never a wrong block.
func TestCodeCacheDropsWhatItCannotTrust(t *testing.T) {
	knownVersions(t)
	c := NewCodeCache()
	prepared(t, NewCached(false, c), codeDoc)
	good := encoded(t, c)
	header := []byte(codeFormat + "\n" + codeVersion() + "\n")
	if n := len(DecodeCodeCache(good).old); n != 2 {
		t.Fatalf("the good data decodes to %d blocks, want 2", n)
	}
	bad := map[string][]byte{
		"empty":           nil,
		"another chroma":  bytes.Replace(good, []byte("chroma/v2@"), []byte("chroma/v2@v0.0.1-"), 1),
		"another format":  bytes.Replace(good, []byte(codeFormat), []byte("baton code cache 0"), 1),
		"another program": bytes.Replace(good, []byte(buildid.Executable()), bytes.Repeat([]byte("0"), 64), 1),
		"header only":     header,
	}
	for _, n := range []int{1, 4, 40, len(good) / 2, len(good) - 1} {
		bad["cut "+string(rune('a'+len(bad)))] = good[:len(good)-n]
	}
	for i := len(header); i < len(good); i += 97 {
		b := bytes.Clone(good)
		b[i] ^= 0x20
		bad["flipped "+string(rune('a'+len(bad)))] = b
	}
	for name, data := range bad {
		if n := len(DecodeCodeCache(data).old); n != 0 {
			t.Errorf("%s: decoded %d blocks, want none", name, n)
		}
	}
}

// TestCodeCacheSpills: a run with a spill keeps the blocks it highlights
// there, not in memory, and gives, from the cache and in the file it
// encodes, the bytes a run without one gives.
func TestCodeCacheSpills(t *testing.T) {
	knownVersions(t)
	inMemory := NewCodeCache()
	want := prepared(t, NewCached(false, inMemory), codeDoc)

	s, err := NewSpill(t.TempDir())
	if err != nil || s == nil {
		t.Skipf("no spill here: %v", err)
	}
	spilled := NewCodeCache()
	r := NewWith(Options{Code: spilled, Spill: s})
	d, err := r.Prepare([]byte(codeDoc))
	if err != nil {
		t.Fatal(err)
	}
	var got []byte
	d.withBytes(func(b []byte) { got = bytes.Clone(b) })
	if string(got) != want {
		t.Errorf("with a spill:\n%s\nwant\n%s", got, want)
	}
	for k, b := range spilled.live {
		if b.s == nil || b.html != nil {
			t.Errorf("block %x is in memory, not in the spill", k[:4])
		}
	}
	if reused, made := spilled.Stats(); reused != 1 || made != 2 {
		t.Errorf("%d reused, %d made; want 1 and 2 (the second Go block from the spill)", reused, made)
	}
	if e, w := encoded(t, spilled), encoded(t, inMemory); !bytes.Equal(e, w) {
		t.Errorf("the cache encoded from the spill differs from the one kept in memory")
	}
}

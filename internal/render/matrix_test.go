package render_test

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/batonhq/baton/internal/browsertest"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestMatrixHeadersStick scrolls the matrix of the default handbook down
// and sideways inside its own scrolling box, at a width where it is wider
// than its column: the row of roles stays at the box's top and the column
// of responsibilities at its left, over the cells that scroll under them.
func TestMatrixHeadersStick(t *testing.T) {
	out := publishDefault(t, "")
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1000, 800),
		chromedp.Navigate(srv.URL+"/responsibilities/"),
		chromedp.WaitVisible(".matrix"),
	); err != nil {
		t.Fatal(err)
	}
	// The box is the table's nearest ancestor that scrolls; the cells are
	// measured after it scrolled down and right.
	const measure = `(() => {
  const table = document.querySelector(".matrix");
  let box = table.parentElement;
  while (box && getComputedStyle(box).overflowX === "visible") box = box.parentElement;
  if (!box) return {err: "the matrix has no scrolling box"};
  if (box.scrollWidth <= box.clientWidth) return {err: "the matrix does not scroll sideways at this width"};
  box.scrollIntoView();
  box.scrollTop = 1500;
  box.scrollLeft = 300;
  if (box.scrollTop === 0) return {err: "the matrix's box does not scroll down: its header row cannot stick inside it"};
  const b = box.getBoundingClientRect(), top = b.top + box.clientTop, left = b.left + box.clientLeft;
  const head = table.querySelector("thead th.matrix-role:last-child").getBoundingClientRect();
  const corner = table.querySelector("thead th").getBoundingClientRect();
  const rows = [...table.querySelectorAll("tbody th[scope=row]")].map(th => th.getBoundingClientRect())
    .filter(r => r.top > head.bottom && r.bottom < b.bottom);
  if (!rows.length) return {err: "no row of the matrix in view below its header"};
  const row = rows[0];
  const onTop = (r) => { const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return e ? e.closest("th") !== null && e.closest("td") === null : false; };
  return {headTop: head.top - top, cornerTop: corner.top - top, cornerLeft: corner.left - left,
    rowLeft: row.left - left, headOnTop: onTop(head), rowOnTop: onTop(row), scrolled: box.scrollLeft};
})()`
	type got struct {
		Err                            string
		HeadTop, CornerTop, CornerLeft float64
		RowLeft, Scrolled              float64
		HeadOnTop, RowOnTop            bool
	}
	g, err := chromedp.Run(ctx, chromedp.Evaluate[got](measure))
	if err != nil {
		t.Fatal(err)
	}
	if g.Err != "" {
		t.Fatal(g.Err)
	}
	near := func(v float64) bool { return v > -1.5 && v < 1.5 }
	if !near(g.HeadTop) || !near(g.CornerTop) {
		t.Errorf("scrolled down, the header row is %.1f px (a role) and %.1f px (its corner) from the box's top, want 0", g.HeadTop, g.CornerTop)
	}
	if !near(g.RowLeft) || !near(g.CornerLeft) {
		t.Errorf("scrolled %.0f px sideways, the responsibility column is %.1f px (a row) and %.1f px (the corner) from the box's left, want 0", g.Scrolled, g.RowLeft, g.CornerLeft)
	}
	if !g.HeadOnTop || !g.RowOnTop {
		t.Errorf("the cells scrolling under the headers cover them: a role's header on top %v, a responsibility on top %v", g.HeadOnTop, g.RowOnTop)
	}
}

// TestMatrixOnPhone opens the matrix of the default handbook (17 roles) at
// 390 px: every responsibility shows every role that takes part in it and
// how (leads or partners), in view without scrolling sideways, as the
// model has it; and the kind filter still hides the kinds it is told to.
func TestMatrixOnPhone(t *testing.T) {
	out, site := publishDefaultSite(t, "")
	if len(site.Roles) < 10 {
		t.Fatalf("the default handbook has %d roles: the test wants a wide matrix", len(site.Roles))
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(srv.URL+"/responsibilities/"),
		chromedp.WaitVisible(".kind-filter"),
	); err != nil {
		t.Fatal(err)
	}
	// What a reader sees of each responsibility: for each of its rows, the
	// names of the roles shown whole within the screen, with L or P.
	const seen = `(() => {
  const vw = document.documentElement.clientWidth, out = {};
  const shown = e => { const r = e.getBoundingClientRect(); return e.getClientRects().length > 0 && r.width > 0 && r.left >= 0 && r.right <= vw; };
  document.querySelectorAll(".matrix tbody tr[data-kind]").forEach(tr => {
    const th = tr.querySelector("th");
    const title = shown(th) ? th.textContent.trim() : "(hidden) " + th.textContent.trim();
    out[title] = [...tr.querySelectorAll("td.cell")].filter(td => td.textContent.trim() !== "").map(td => {
      const mark = td.querySelector(".mark"), name = td.querySelector(".cell-role");
      if (!name || !shown(name) || !shown(mark)) return "(not in view) " + td.textContent.trim();
      return name.textContent.trim() + " " + (mark.classList.contains("mark-lead") ? "lead" : "partner");
    }).sort();
  });
  return {rows: out, wide: document.scrollingElement.scrollWidth - vw};
})()`
	type result struct {
		Rows map[string][]string
		Wide int
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[result](seen))
	if err != nil {
		t.Fatal(err)
	}
	if r.Wide > 0 {
		t.Errorf("the page scrolls %d px sideways at 390 px", r.Wide)
	}
	for _, resp := range site.Responsibilities {
		want := []string{resp.Lead.Title + " lead"}
		for _, p := range resp.Partners {
			want = append(want, p.Title+" partner")
		}
		slices.Sort(want)
		got, ok := r.Rows[resp.Title]
		if !ok {
			t.Errorf("%s is not in view at 390 px", resp.Title)
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s shows %s, want %s", resp.Title, strings.Join(got, ", "), strings.Join(want, ", "))
		}
	}
	if len(r.Rows) != len(site.Responsibilities) {
		t.Errorf("%d rows, want %d responsibilities", len(r.Rows), len(site.Responsibilities))
	}
	if err := chromedp.Do(ctx, chromedp.Click(`.kind-filter input[value="activity"]`)); err != nil {
		t.Fatal(err)
	}
	count := func(kind string, shown bool) int {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(`[...document.querySelectorAll('.matrix tr[data-kind="%s"]')].filter(r => (r.getClientRects().length > 0) === %v).length`, kind, shown)))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if count("activity", true) != 0 || count("output", true) == 0 {
		t.Errorf("at 390 px the kind filter leaves %d activities shown and %d outputs", count("activity", true), count("output", true))
	}
}

// TestPhoneNavigation opens a playbook with headings at 390 and 1280 px:
// where the table of contents beside the text is hidden, an "On this
// page" disclosure at the top of the article lists the same headings and
// leads to them; and at 390 px the header takes two rows, not three, with
// the search box and every main link in reach.
func TestPhoneNavigation(t *testing.T) {
	out := publishDefault(t, "")
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	browser := browsertest.Browser(t)
	const page = "/playbooks/conductor-model/conductor/"
	visible := `(s => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0; })`
	for _, width := range []int64{390, 1280} {
		ctx := browsertest.Tab(t, browser, 60*time.Second)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 844), chromedp.Navigate(srv.URL+page), chromedp.WaitVisible(".prose")); err != nil {
			t.Fatal(err)
		}
		type state struct {
			Side, Inline    bool
			SideN, InlineN  int
			Header, SearchW float64
			Unreachable     []string
		}
		s, err := chromedp.Run(ctx, chromedp.Evaluate[state](`({
  side: `+visible+`(".toc"), inline: `+visible+`(".toc-inline"),
  sideN: document.querySelectorAll(".toc li").length, inlineN: document.querySelectorAll(".toc-inline li").length,
  header: document.querySelector(".site-header").getBoundingClientRect().height,
  searchW: document.querySelector(".search-input").getBoundingClientRect().width,
  unreachable: [...document.querySelectorAll(".site-nav a")].filter(a => {
    const r = a.getBoundingClientRect(), nav = a.closest(".site-nav");
    const inView = r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth;
    return !inView && !(nav.scrollWidth > nav.clientWidth && /auto|scroll/.test(getComputedStyle(nav).overflowX));
  }).map(a => a.textContent),
})`))
		if err != nil {
			t.Fatal(err)
		}
		if s.SideN == 0 {
			t.Fatalf("%s has no table of contents", page)
		}
		if s.InlineN != s.SideN {
			t.Errorf("at %d px the disclosure lists %d headings, the table of contents %d", width, s.InlineN, s.SideN)
		}
		if s.Side == s.Inline {
			t.Errorf("at %d px the table of contents beside the text shows %v and the disclosure %v: want one of them", width, s.Side, s.Inline)
		}
		if width > 1152 {
			continue
		}
		if !s.Inline {
			t.Fatalf("at %d px no \"On this page\" disclosure", width)
		}
		if s.Header > 100 {
			t.Errorf("at %d px the header is %.0f px tall, want two rows (100 px at most)", width, s.Header)
		}
		if s.SearchW < 100 || len(s.Unreachable) > 0 {
			t.Errorf("at %d px the search box is %.0f px wide and the main links %q are out of reach", width, s.SearchW, s.Unreachable)
		}
		// Opened, the disclosure leads to a heading of the page.
		if err := chromedp.Do(ctx, chromedp.Click(".toc-inline summary"), chromedp.WaitVisible(".toc-inline li:last-child a"), chromedp.Click(".toc-inline li:last-child a")); err != nil {
			t.Fatal(err)
		}
		var hash string
		for range 50 {
			if hash, err = chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash`)); err == nil && hash != "" {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		want, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".toc li:last-child a").hash`))
		if err != nil || hash != want || want == "" {
			t.Errorf("the disclosure's last link led to %q, want %q (%v)", hash, want, err)
		}
	}
}

// TestPrintedMatrixFits lays out the whole handbook's print view of the
// default handbook as printed (print media, at the width of an A4 page's
// text and of an A5 one's): the matrix is no wider than the page, and no
// role's name or mark spills out of its cell.
func TestPrintedMatrixFits(t *testing.T) {
	out := publishDefault(t, "")
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	browser := browsertest.Browser(t)
	for _, width := range []int64{718, 520} {
		ctx := browsertest.Tab(t, browser, 60*time.Second)
		if err := chromedp.Do(ctx,
			chromedp.EmulateViewport(width, 1000),
			chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
				return err
			}),
			chromedp.Navigate(srv.URL+"/print/"),
			chromedp.WaitReady(".print-matrix"),
		); err != nil {
			t.Fatal(err)
		}
		type fit struct {
			Roles, Rows int
			Table, Page float64
			Spilled     []string
		}
		f, err := chromedp.Run(ctx, chromedp.Evaluate[fit](`(() => {
  const table = document.querySelector(".print-matrix"), spilled = [];
  const inside = (a, b) => a.left >= b.left - .5 && a.right <= b.right + .5 && a.top >= b.top - .5 && a.bottom <= b.bottom + .5;
  table.querySelectorAll("thead th").forEach(th => {
    if (th.scrollWidth > th.clientWidth + 1 || th.scrollHeight > th.clientHeight + 1) spilled.push("header " + th.textContent);
  });
  table.querySelectorAll("td .mark").forEach(m => {
    if (!inside(m.getBoundingClientRect(), m.closest("td").getBoundingClientRect())) spilled.push("mark in " + m.closest("tr").querySelector("th").textContent);
  });
  return {roles: table.querySelectorAll("thead th.matrix-role").length, rows: table.querySelectorAll("tbody tr[id]").length,
    table: table.getBoundingClientRect().width, page: document.documentElement.clientWidth, spilled};
})()`))
		if err != nil {
			t.Fatal(err)
		}
		if f.Roles < 17 || f.Rows == 0 {
			t.Fatalf("at %d px the printed matrix has %d roles and %d responsibilities", width, f.Roles, f.Rows)
		}
		if f.Table > float64(width) || f.Table > f.Page {
			t.Errorf("at %d px the printed matrix is %.0f px wide, the page %.0f", width, f.Table, f.Page)
		}
		if len(f.Spilled) > 0 {
			t.Errorf("at %d px these spill out of their cells: %q", width, f.Spilled)
		}
	}
}

// publishRACI builds internal/build's RACI handbook (four stages of its
// own, an extra kind, RACI) into a temp folder.
func publishRACI(t *testing.T) string {
	t.Helper()
	src := fstest.MapFS{}
	root := filepath.Join("..", "build", "testdata", "raci")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		src[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return publishFS(t, src)
}

// TestMatrixFiltersByModel opens the RACI handbook's matrix and filters it
// by one of its own stages and by a letter: the stage's group goes, and the
// cells of the letter are blanked while the others stay; the stage and
// letter filters list the site's own stages and letters, in order.
func TestMatrixFiltersByModel(t *testing.T) {
	out := publishRACI(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(srv.URL+"/responsibilities/"),
		chromedp.WaitVisible(".matrix-filters"),
	); err != nil {
		t.Fatal(err)
	}
	type state struct {
		Stages, Letters, Groups []string
		Marks                   map[string]int
	}
	const look = `(() => {
  const vals = name => [...document.querySelectorAll('.matrix-filter input[name="' + name + '"]')].map(i => i.value);
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  const marks = {};
  document.querySelectorAll(".matrix td.cell .mark").forEach(m => {
    if (shown(m)) marks[m.closest("td").dataset.letter] = (marks[m.closest("td").dataset.letter] || 0) + 1;
  });
  return {stages: vals("stage"), letters: vals("letter"), marks: marks,
    groups: [...document.querySelectorAll(".matrix tbody[data-stage]")].filter(shown).map(b => b.dataset.stage)};
})()`
	before, err := chromedp.Run(ctx, chromedp.Evaluate[state](look))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"plan", "build", "go-live", "run"}; !slices.Equal(before.Stages, want) || !slices.Equal(before.Groups, want) {
		t.Errorf("stage filter %v and groups %v, want %v both", before.Stages, before.Groups, want)
	}
	if want := []string{"responsible", "accountable", "consulted", "informed"}; !slices.Equal(before.Letters, want) {
		t.Errorf("letter filter %v, want %v", before.Letters, want)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(`.matrix-filter input[value="go-live"]`),
		chromedp.Click(`.matrix-filter input[value="consulted"]`),
	); err != nil {
		t.Fatal(err)
	}
	after, err := chromedp.Run(ctx, chromedp.Evaluate[state](look))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"plan", "build", "run"}; !slices.Equal(after.Groups, want) {
		t.Errorf("with go-live unchecked the groups shown are %v, want %v", after.Groups, want)
	}
	// go-live has one responsibility: R twice, A, I; consulted is blanked.
	want := map[string]int{"responsible": before.Marks["responsible"] - 2, "accountable": before.Marks["accountable"] - 1, "informed": before.Marks["informed"] - 1}
	if before.Marks["consulted"] == 0 || fmt.Sprint(after.Marks) != fmt.Sprint(want) {
		t.Errorf("marks shown %v (before %v), want %v", after.Marks, before.Marks, want)
	}
}

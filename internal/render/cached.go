package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"
)

// partials keeps the output of the partials a theme prints with cached,
// for one set of jobs: a build's pages share one.
type partials struct{ m sync.Map }

// cached prints the theme's template name with the view as its data, once
// per distinct list of keys (and page kind) in a build, and prints the
// same bytes wherever the keys repeat: the template must depend on
// nothing else. It is Hugo's partialCached. The default theme's header
// and footer depend only on the page's kind and its relative path to the
// root, and were a quarter of the time spent rendering a page.
func cached(name string, v *PageView, keys ...any) (template.HTML, error) {
	f := &v.frame
	if f.partials == nil || f.r.uncached {
		return f.r.partial(name, v)
	}
	var k strings.Builder
	k.WriteString(v.Kind)
	k.WriteByte(0)
	k.WriteString(name)
	for _, key := range keys {
		k.WriteByte(0)
		fmt.Fprint(&k, key)
	}
	if v.Translations != nil {
		// The header's language switcher links to this page's twins.
		k.WriteByte(0)
		k.WriteString(v.URL)
	}
	if out, ok := f.partials.m.Load(k.String()); ok {
		return out.(template.HTML), nil
	}
	out, err := f.r.partial(name, v)
	if err == nil {
		f.partials.m.Store(k.String(), out)
	}
	return out, err
}

// partial executes the template name of v's page kind. Its output is
// html/template's, escaped in the context of HTML text, where cached's
// result is printed.
func (r *Renderer) partial(name string, v *PageView) (template.HTML, error) {
	t, err := r.page(v)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	f := &v.frame
	f.inCached++
	defer func() { f.inCached-- }()
	if err := t.ExecuteTemplate(&b, name, v); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

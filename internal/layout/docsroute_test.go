package layout

import (
	"maps"
	"testing"
)

// TestDocsRoute reads where a Docusaurus config publishes its docs, from
// the literal routeBasePath of the docs plugin's options (the preset's
// docs: {…} or the plugin's own), not of the blog's, of another docs
// instance's or of a nested object's, and its baseUrl; and where the
// layout puts the docs for it.
func TestDocsRoute(t *testing.T) {
	tests := []struct {
		name, config string
		files        map[string]string
		want         Layout // only RootURL, BaseURL, FolderURLs, LinkRoot
	}{
		{"the default", "module.exports = {title: 'T', presets: [['classic', {docs: {sidebarPath: './s.js'}}]]};\n",
			map[string]string{"README.md": "", "docs/a.md": ""}, Layout{LinkRoot: "docs"}},
		{"at the root beside a README", "presets: [\n  ['classic', {\n    docs: {\n      editUrl: ({x}) => `${x}/{y}`, // routeBasePath: 'no'\n      routeBasePath: \"/\",\n    },\n    blog: {routeBasePath: '/news'},\n  }],\n],\n",
			map[string]string{"README.md": "", "docs/a.md": ""}, Layout{LinkRoot: "docs", FolderURLs: map[string]string{"docs": "/"}}},
		{"elsewhere", "const c = {\n  baseUrl: '/site/',\n  plugins: [\n  ['@docusaurus/plugin-content-docs', {id: 'community', routeBasePath: 'community'}],\n  [\"@docusaurus/plugin-content-docs\", {\n    nested: {routeBasePath: 'no'},\n    routeBasePath: 'guides/',\n  }],\n]};\n",
			map[string]string{"README.md": "", "docs/a.md": ""}, Layout{BaseURL: "/site/", LinkRoot: "docs", FolderURLs: map[string]string{"docs": "/guides/"}}},
		{"docs alone", "module.exports = {presets: [['classic', {docs: {routeBasePath: 'https://x.org/'}}]]}\n",
			map[string]string{"docs/a.md": ""}, Layout{RootURL: "/docs/"}},
		{"docs alone at the root", "module.exports = {baseUrl: '/', presets: [['classic', {docs: {routeBasePath: '/'}}]]}\n",
			map[string]string{"docs/a.md": ""}, Layout{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.files["docusaurus.config.js"] = tt.config
			l := Detect(files(tt.files))
			if l.Kind != Docusaurus || l.RootURL != tt.want.RootURL || l.BaseURL != tt.want.BaseURL || l.LinkRoot != tt.want.LinkRoot || !maps.Equal(l.FolderURLs, tt.want.FolderURLs) {
				t.Errorf("%s: RootURL %q, BaseURL %q, LinkRoot %q, FolderURLs %v; want %q, %q, %q, %v", l.Kind,
					l.RootURL, l.BaseURL, l.LinkRoot, l.FolderURLs, tt.want.RootURL, tt.want.BaseURL, tt.want.LinkRoot, tt.want.FolderURLs)
			}
		})
	}
}

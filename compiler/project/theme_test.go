package project

import (
	"strings"
	"testing"
)

const darkApp = "{\n  \"pages\": [\"pages/a/a\"],\n  \"darkmode\": true,\n  \"themeLocation\": \"theme.json\",\n" +
	"  \"window\": {\"navigationBarBackgroundColor\": \"@navBg\", \"navigationBarTitleText\": \"@title is text\"},\n" +
	"  \"tabBar\": {\"color\": \"@tabColor\", \"list\": [{\"pagePath\": \"pages/a/a\", \"iconPath\": \"@icon\"}]}\n}"

// darkProject is a project with app.json src and theme.json theme (none when "").
func darkProject(app, theme string) map[string]string {
	files := map[string]string{"app.json": app, "pages/a/a.js": "Page({})", "pages/a/a.wxml": "<view/>"}
	if theme != "" {
		files["theme.json"] = theme
	}
	return files
}

// darkmode reads theme.json, which must define every "@name" of the window and tabBar in
// both themes.
func TestThemeIsRead(t *testing.T) {
	p, errs := Load(files(darkProject(darkApp,
		`{"light": {"navBg": "#ffffff", "tabColor": "#111111", "icon": "/l.png", "title": "x"}, "dark": {"navBg": "#000000", "tabColor": "#eeeeee", "icon": "/d.png", "title": "y"}}`)))
	if len(errs) != 0 || p == nil {
		t.Fatalf("Load: %v", errs)
	}
	if p.App.Theme == nil || p.App.Theme.Dark["navBg"] != "#000000" || p.App.Theme.Light["icon"] != "/l.png" {
		t.Fatalf("theme %+v", p.App.Theme)
	}
	// Without darkmode, "@" values are text and theme.json is not read.
	p, errs = Load(files(darkProject(strings.Replace(darkApp, `"darkmode": true`, `"darkmode": false`, 1), "")))
	if len(errs) != 0 || p.App.Theme != nil {
		t.Fatalf("darkmode false: %v, theme %+v", errs, p.App.Theme)
	}
}

func TestThemeErrorsArePositioned(t *testing.T) {
	cases := []struct{ name, app, theme, want string }{
		{"no themeLocation", strings.Replace(darkApp, `"themeLocation": "theme.json",`, "", 1), "",
			`app.json:3:15: error: "darkmode": true needs "themeLocation"`},
		{"no file", darkApp, "",
			`app.json:4:20: error: themeLocation "theme.json": no such file`},
		{"bad theme.json", darkApp, "{\"light\": {\"navBg\": \"#fff\",}}",
			`theme.json:1:28: error: invalid JSON`},
		{"missing in dark", darkApp, `{"light": {"navBg": "#fff", "tabColor": "#111", "icon": "/l.png"}, "dark": {"navBg": "#000", "icon": "/d.png"}}`,
			`app.json:6:23: error: tabBar.color "@tabColor": theme.json has no "tabColor" in "dark"`},
		{"missing in an item", darkApp, `{"light": {"navBg": "#fff", "tabColor": "#111"}, "dark": {"navBg": "#000", "tabColor": "#eee"}}`,
			`app.json:6:83: error: tabBar.list[0].iconPath "@icon": theme.json has no "icon" in "light"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := Load(files(darkProject(c.app, c.theme)))
			if !strings.Contains(errs.Error(), c.want) {
				t.Fatalf("want %q in:\n%s", c.want, errs.Error())
			}
		})
	}
}

package e2e

import "testing"

// darkmode (testdata/darkmode): the bars take theme.json's values for the device's theme,
// WXSS's prefers-color-scheme follows the device panel rather than the computer, and the
// app hears onThemeChange; a page opened afterwards starts in the new theme.
func TestDarkmode(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/darkmode"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".theme", "light", wait)
	bars := `getComputedStyle(document.getElementById('nav-bar')).backgroundColor + ' ' + getComputedStyle(document.getElementById('nav-bar')).color + ' ' +
		getComputedStyle(document.getElementById('tab-bar')).backgroundColor + ' ' + [...document.querySelectorAll('.tab-item')].map((e) => e.style.color).join(' ')`
	waitShellValue(t, b, bars, "rgb(255, 255, 255) rgb(0, 0, 0) rgb(250, 250, 250) rgb(7, 193, 96) rgb(17, 17, 17)")
	b.WaitStyle(".box", "color", "rgb(0, 0, 1)", wait)

	if _, err := Eval[any](b, `window.mpsimDevice.setTheme('dark')`); err != nil {
		t.Fatal(err)
	}
	b.WaitText(".theme", "dark", wait)
	waitShellValue(t, b, bars, "rgb(25, 25, 25) rgb(255, 255, 255) rgb(31, 31, 31) rgb(6, 173, 86) rgb(238, 238, 238)")
	b.WaitStyle(".box", "color", "rgb(255, 255, 254)", wait)

	if _, err := Eval[bool](b, `(document.querySelector('#tab-bar .tab-item[data-path="pages/other/other"]').click(), true)`); err != nil {
		t.Fatal(err)
	}
	b.WaitText(".other", "other", wait)
	b.WaitStyle(".other", "color", "rgb(255, 255, 254)", wait)
	if _, err := Eval[any](b, `window.mpsimDevice.setTheme('light')`); err != nil {
		t.Fatal(err)
	}
	b.WaitStyle(".other", "color", "rgb(0, 0, 1)", wait)
	noErrors(t, b)
}

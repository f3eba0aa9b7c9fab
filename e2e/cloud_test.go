package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// wx.cloud answers from the mock file's "cloud": App.onLaunch calls wx.cloud.init, the
// page calls mocked functions and a container, reads, adds and updates a mocked
// collection, and sees the failures of what is not mocked. Writes last for the app's run;
// a save of the mock file or a relaunch starts the database again from the file.
func TestCloudFromTheMockFile(t *testing.T) {
	t.Parallel()
	dir := copyProject(t, "testdata/cloud")
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	const wait = 10 * time.Second
	defer func() {
		if t.Failed() {
			t.Logf("console:\n%s", strings.Join(b.Console(), "\n"))
		}
	}()

	// Before wx.cloud.init, a call fails as the base library's does.
	b.WaitText(".r-before", "-1 Cloud API isn't enabled, please call wx.cloud.init first", wait)
	b.WaitText(".r-fn", "cloud.callFunction:ok 3 id", wait)
	b.WaitText(".r-fn-cb", "success 3", wait)
	b.WaitContains(".r-missing", "true -501000 cloud.callFunction:fail Error: errCode: -501000", wait)
	b.WaitContains(".r-missing", "errMsg: FunctionName parameter could not be found.", wait)
	b.WaitText(".r-broken", "-504002 cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: Error: database timeout", wait)
	b.WaitText(".r-container", "cloud.callContainer:ok 200 container", wait)
	b.WaitText(".r-instance", "instance 3", wait)

	// The database: where + orderBy, add with serverDate, a where with commands on a nested
	// field and a field projection, doc().update with _.inc, doc().get, count with _.or.
	b.WaitText(".r-open", "collection.get:ok eggs,milk", wait)
	b.WaitText(".r-added", "collection.add:ok id", wait)
	b.WaitText(".r-after", "eggs,tea _id+title", wait)
	b.WaitText(".r-updated", "document.update:ok 1", wait)
	b.WaitText(".r-doc", "document.get:ok milk true 12", wait)
	b.WaitText(".r-count", "collection.count:ok 3", wait)
	b.WaitContains(".r-nocoll", "-502005 [ResourceNotFound] Db or Table not exist.", wait)

	// The writes hold while the app runs: milk is done, tea was added.
	b.TapThenText(".b-reload", ".r-open", "collection.get:ok tea,eggs", wait)

	// A save of the mock file: new answers, and the collections as the file has them.
	mock, err := os.ReadFile(filepath.Join(dir, "mpsim.mock.json"))
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(mock), `"sum": 3`, `"sum": 4`, 1)
	if err := os.WriteFile(filepath.Join(dir, "mpsim.mock.json"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	waitTrue(t, func() bool { return strings.Contains(srv.Output(), "mocks reloaded") })
	b.TapThenText(".b-reload", ".r-fn", "cloud.callFunction:ok 4 id", wait)
	b.WaitText(".r-open", "collection.get:ok eggs,milk", wait)

	// A relaunch (app.js saved) starts the database again too.
	b.TapThenText(".b-reload", ".r-open", "collection.get:ok tea,eggs", wait)
	app, err := os.ReadFile(filepath.Join(dir, "app.js"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "app.js"), append(app, []byte("\n// saved again\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	b.WaitText(".r-open", "collection.get:ok eggs,milk", wait)
	b.WaitText(".r-fn", "cloud.callFunction:ok 4 id", wait)
	for _, line := range b.Console() {
		if strings.Contains(line, "TypeError") {
			t.Errorf("console: %s", line)
		}
	}
}

// A cloud app without mpsim.mock.json launches (wx.cloud.init is there), and its calls
// fail as the official tools fail a project without a cloud environment.
func TestCloudWithoutTheMockFile(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/cloudtourist"))
	b := OpenBrowser(t, srv.URL)
	const wait = 10 * time.Second
	b.WaitText(".r-launched", "launched", wait)
	b.WaitContains(".r-fn", "true -601034 cloud.callFunction:fail Error: errCode: -601034", wait)
	b.WaitContains(".r-fn", "errMsg: 没有权限，请先开通云开发或者云托管", wait)
	b.WaitContains(".r-db", "-601034 errCode: -601034", wait)
	for _, line := range b.Console() {
		if strings.Contains(line, "TypeError") || strings.Contains(line, "[mpsim] in") {
			t.Errorf("console: %s", line)
		}
	}
}

package e2e

import "testing"

// A page writes, reads, stats, lists, saves and deletes files in the sandbox of the
// project's data folder, reads a file of its code package, and shows a PNG it wrote in an
// <image>; the phone's errors come back as errMsg (async) and thrown Errors (Sync).
func TestFileSystem(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/files"))
	b := OpenBrowser(t, srv.URL+"?page=pages/index/index")
	b.WaitText(".read", "read: hello files!", wait)
	b.WaitText(".stat", "stat: file 12 true", wait)
	b.WaitText(".list", "list: a.txt,b.txt", wait)
	b.WaitText(".missing", `readFileSync:fail no such file or directory, readFileSync "wxfile://usr/notes/none.txt"`, wait)
	b.WaitText(".package", "package: from the package", wait)
	b.WaitText(".denied", `writeFile:fail permission denied, writeFile "/data/hello.txt"`, wait)
	b.WaitText(".saved", "saved: 1 then 0", wait)
	b.WaitText(".gone", `access:fail no such file or directory, access "wxfile://usr/notes/c.txt"`, wait)
	b.WaitText(".loaded", "image 3x2", wait)
}

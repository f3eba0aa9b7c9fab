package api

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

type filesEnv struct {
	t    *testing.T
	dir  string // the data folder
	f    *Files
	r    *Registry
	code fstest.MapFS
}

func newFilesEnv(t *testing.T) *filesEnv {
	t.Helper()
	e := &filesEnv{t: t, dir: t.TempDir(), code: fstest.MapFS{
		"images/a.png": {Data: []byte("PNG!")},
		"data/n.json":  {Data: []byte(`{"n":1}`)},
	}}
	f, err := OpenFiles(e.dir, "default", func() fs.FS { return e.code })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	e.f, e.r = f, Default(Options{Device: IPhone12, Files: f})
	return e
}

// call invokes api with args (a Go value, marshalled) and returns the result.
func (e *filesEnv) call(api string, args any) Result {
	e.t.Helper()
	b, err := json.Marshal(args)
	if err != nil {
		e.t.Fatal(err)
	}
	return e.r.Invoke(context.Background(), Call{API: api, Args: b})
}

// ok calls api and fails the test unless it answers "<method>:ok".
func (e *filesEnv) ok(api string, args any) Result {
	e.t.Helper()
	res := e.call(api, args)
	method := strings.TrimPrefix(api, "FileSystemManager.")
	if res["errMsg"] != method+":ok" {
		e.t.Fatalf("%s %v: %v", api, args, res)
	}
	return res
}

// fails calls api and checks its errMsg and errno.
func (e *filesEnv) fails(api string, args any, errMsg string, errno int) {
	e.t.Helper()
	res := e.call(api, args)
	if res["errMsg"] != errMsg {
		e.t.Fatalf("%s %v:\n got  %v\n want %s", api, args, res["errMsg"], errMsg)
	}
	if errno != 0 && res["errno"] != errno {
		e.t.Fatalf("%s %v: errno %v, want %d", api, args, res["errno"], errno)
	}
}

type m = map[string]any

const fsm = "FileSystemManager."

func TestFilesWriteReadAppendAndEncodings(t *testing.T) {
	e := newFilesEnv(t)
	e.ok(fsm+"writeFile", m{"filePath": "wxfile://usr/a.txt", "data": "héllo", "encoding": "utf8"})
	if b, _ := os.ReadFile(filepath.Join(e.dir, "files", "default", "usr", "a.txt")); string(b) != "héllo" {
		t.Fatalf("on disk: %q", b)
	}
	e.ok(fsm+"appendFile", m{"filePath": "wxfile://usr/a.txt", "data": "!"})
	if res := e.ok(fsm+"readFileSync", m{"filePath": "http://usr/a.txt", "encoding": "utf-8"}); res["data"] != "héllo!" || res["errMsg"] != "readFileSync:ok" {
		t.Fatalf("read back: %v", res)
	}
	// No encoding: an ArrayBuffer, as base64.
	res := e.ok(fsm+"readFile", m{"filePath": "wxfile://usr/a.txt"})
	if bin := res["data"].(binary); bin.B64 != base64.StdEncoding.EncodeToString([]byte("héllo!")) {
		t.Fatalf("arraybuffer: %v", res)
	}
	// position/length read a slice.
	if res := e.ok(fsm+"readFile", m{"filePath": "wxfile://usr/a.txt", "encoding": "utf8", "position": 3, "length": 3}); res["data"] != "llo" {
		t.Fatalf("position/length: %v", res)
	}
	e.fails(fsm+"readFile", m{"filePath": "wxfile://usr/a.txt", "position": 99}, `readFile:fail the value of "position" is out of range, readFile "wxfile://usr/a.txt"`, 1300022)

	// ArrayBuffer in.
	e.ok(fsm+"writeFile", m{"filePath": "wxfile://usr/b.bin", "data": m{"__mpsimArrayBuffer": base64.StdEncoding.EncodeToString([]byte{0, 1, 0xfe, 0xff})}})
	for enc, want := range map[string]string{"hex": "0001feff", "base64": "AAH+/w==", "latin1": "\x00\x01\u00fe\u00ff", "binary": "\x00\x01\u00fe\u00ff", "ascii": "\x00\x01\x7e\x7f", "ucs2": "\u0100\uFFFE", "utf16le": "\u0100\uFFFE"} {
		if res := e.ok(fsm+"readFile", m{"filePath": "wxfile://usr/b.bin", "encoding": enc}); res["data"] != want {
			t.Errorf("%s: %q, want %q", enc, res["data"], want)
		}
	}
	// Strings in other encodings.
	for _, c := range []struct{ enc, data, want string }{
		{"hex", "cafe", "\xca\xfe"}, {"base64", "aGk=", "hi"}, {"latin1", "\u00e9", "\xe9"}, {"utf16le", "A", "A\x00"},
	} {
		e.ok(fsm+"writeFile", m{"filePath": "wxfile://usr/c", "data": c.data, "encoding": c.enc})
		if b, _ := os.ReadFile(filepath.Join(e.dir, "files", "default", "usr", "c")); string(b) != c.want {
			t.Errorf("write %s %q: %q", c.enc, c.data, b)
		}
	}

	// The phone's errors.
	e.fails(fsm+"readFile", m{"filePath": "wxfile://usr/none.txt", "encoding": "utf8"}, `readFile:fail no such file or directory, readFile "wxfile://usr/none.txt"`, 1300002)
	e.fails(fsm+"readFileSync", m{"filePath": "wxfile://usr/none.txt"}, `readFileSync:fail no such file or directory, readFileSync "wxfile://usr/none.txt"`, 1300002)
	e.fails(fsm+"appendFile", m{"filePath": "wxfile://usr/none.txt", "data": "x"}, `appendFile:fail no such file or directory, appendFile "wxfile://usr/none.txt"`, 1300002)
	e.fails(fsm+"writeFile", m{"filePath": "wxfile://usr/no/dir/x.txt", "data": "x"}, `writeFile:fail no such file or directory, writeFile "wxfile://usr/no/dir/x.txt"`, 1300002)
	e.ok(fsm+"mkdir", m{"dirPath": "wxfile://usr/d"})
	e.fails(fsm+"writeFile", m{"filePath": "wxfile://usr/d", "data": "x"}, `writeFile:fail illegal operation on a directory, writeFile "wxfile://usr/d"`, 1301003)
	e.fails(fsm+"readFile", m{"filePath": "wxfile://usr/d"}, `readFile:fail illegal operation on a directory, readFile "wxfile://usr/d"`, 1301003)
	e.fails(fsm+"writeFile", m{"filePath": "wxfile://usr/a.txt/x", "data": "x"}, `writeFile:fail not a directory, writeFile "wxfile://usr/a.txt/x"`, 1300020)
}

func TestFilesCodePackageIsReadOnly(t *testing.T) {
	e := newFilesEnv(t)
	for _, p := range []string{"/images/a.png", "images/a.png"} {
		if res := e.ok(fsm+"readFile", m{"filePath": p, "encoding": "utf8"}); res["data"] != "PNG!" {
			t.Fatalf("%s: %v", p, res)
		}
	}
	if res := e.ok(fsm+"readdir", m{"dirPath": "/"}); strings.Join(toStrings(res["files"]), ",") != "data,images" {
		t.Fatalf("readdir /: %v", res)
	}
	e.fails(fsm+"writeFile", m{"filePath": "/images/a.png", "data": "x"}, `writeFile:fail permission denied, writeFile "/images/a.png"`, 1300013)
	e.fails(fsm+"unlink", m{"filePath": "images/a.png"}, `unlink:fail permission denied, unlink "images/a.png"`, 1300013)
	e.fails(fsm+"mkdir", m{"dirPath": "/new"}, `mkdir:fail permission denied, mkdir "/new"`, 1300013)
	e.fails(fsm+"readFile", m{"filePath": "/nope.png"}, `readFile:fail no such file or directory, readFile "/nope.png"`, 1300002)
	// Copying out of the code package into usr is fine.
	e.ok(fsm+"copyFile", m{"srcPath": "/images/a.png", "destPath": "wxfile://usr/a.png"})
	e.fails(fsm+"copyFile", m{"srcPath": "/none", "destPath": "wxfile://usr/x"}, `copyFile:fail no such file or directory, copyFile "/none"`, 1300002)
}

func toStrings(v any) []string {
	s, _ := v.([]string)
	return s
}

func TestFilesEscapesAreRefused(t *testing.T) {
	e := newFilesEnv(t)
	outside := filepath.Join(e.dir, "secret.txt")
	os.WriteFile(outside, []byte("secret"), 0o644)
	for _, p := range []string{"wxfile://usr/../../secret.txt", "wxfile://usr/../store_x", "wxfile://../secret.txt", "wxfile://tmp_../../x", "file:///etc/passwd", "http://example.com/a"} {
		res := e.call(fsm+"readFile", m{"filePath": p})
		if !strings.HasPrefix(res["errMsg"].(string), "readFile:fail permission denied, cannot access file path") {
			t.Errorf("%s: %v", p, res["errMsg"])
		}
		res = e.call(fsm+"writeFile", m{"filePath": p, "data": "x"})
		if !strings.HasPrefix(res["errMsg"].(string), "writeFile:fail permission denied") {
			t.Errorf("write %s: %v", p, res["errMsg"])
		}
	}
	// The code package cannot be climbed out of either: "/../x" is "/x".
	e.fails(fsm+"readFile", m{"filePath": "/../../secret.txt"}, `readFile:fail no such file or directory, readFile "/../../secret.txt"`, 1300002)

	// A symbolic link inside usr that points outside the sandbox leads nowhere.
	usr := filepath.Join(e.dir, "files", "default", "usr")
	if err := os.Symlink(outside, filepath.Join(usr, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(e.dir, filepath.Join(usr, "dirlink")); err != nil {
		t.Fatal(err)
	}
	for _, api := range []string{"readFile", "stat", "access"} {
		res := e.call(fsm+api, m{"filePath": "wxfile://usr/link", "path": "wxfile://usr/link"})
		if !strings.HasPrefix(res["errMsg"].(string), api+":fail permission denied, cannot access file path") {
			t.Errorf("%s through a link: %v", api, res)
		}
	}
	e.call(fsm+"writeFile", m{"filePath": "wxfile://usr/link", "data": "overwritten"})
	e.call(fsm+"writeFile", m{"filePath": "wxfile://usr/dirlink/secret.txt", "data": "overwritten"})
	e.call(fsm+"mkdir", m{"dirPath": "wxfile://usr/dirlink/made", "recursive": true})
	if b, _ := os.ReadFile(outside); string(b) != "secret" {
		t.Fatalf("a write through a link reached outside: %q", b)
	}
	if _, err := os.Stat(filepath.Join(e.dir, "made")); err == nil {
		t.Fatal("mkdir through a link reached outside")
	}
	// rmdir of usr itself is refused; unlink of a link removes the link only.
	e.fails(fsm+"rmdir", m{"dirPath": "wxfile://usr", "recursive": true}, `rmdir:fail permission denied, cannot access file path, rmdir "wxfile://usr"`, 1301000)
	e.ok(fsm+"unlink", m{"filePath": "wxfile://usr/link"})
	if _, err := os.Stat(outside); err != nil {
		t.Fatal("unlink followed the link")
	}
	// The server's Open never leaves the sandbox or reads the code package.
	for _, p := range []string{"wxfile://usr/dirlink/secret.txt", "wxfile://usr/../../secret.txt", "/images/a.png"} {
		if file, _, err := e.f.Open(p); err == nil {
			file.Close()
			t.Errorf("Open(%s) succeeded", p)
		}
	}
}

func TestFilesDirectories(t *testing.T) {
	e := newFilesEnv(t)
	e.fails(fsm+"mkdir", m{"dirPath": "wxfile://usr/a/b"}, `mkdir:fail no such file or directory, mkdir "wxfile://usr/a/b"`, 1300002)
	e.ok(fsm+"mkdir", m{"dirPath": "wxfile://usr/a/b", "recursive": true})
	e.fails(fsm+"mkdir", m{"dirPath": "wxfile://usr/a"}, `mkdir:fail file already exists, mkdir "wxfile://usr/a"`, 1301005)
	e.ok(fsm+"writeFileSync", m{"filePath": "wxfile://usr/a/b/x.txt", "data": "12345"})
	e.ok(fsm+"writeFile", m{"filePath": "wxfile://usr/a/y.txt", "data": "1"})
	if res := e.ok(fsm+"readdir", m{"dirPath": "wxfile://usr/a"}); strings.Join(toStrings(res["files"]), ",") != "b,y.txt" {
		t.Fatalf("readdir: %v", res)
	}
	e.fails(fsm+"readdir", m{"dirPath": "wxfile://usr/a/y.txt"}, `readdir:fail not a directory, readdir "wxfile://usr/a/y.txt"`, 1300020)
	e.fails(fsm+"readdir", m{"dirPath": "wxfile://usr/zz"}, `readdir:fail no such file or directory, readdir "wxfile://usr/zz"`, 1300002)

	// stat: one entry, or every entry under a folder.
	st := e.ok(fsm+"stat", m{"path": "wxfile://usr/a/b/x.txt"})["stats"].(map[string]any)
	if st["size"] != int64(5) || st["mode"].(uint32)&0o170000 != 0o100000 || st["lastModifiedTime"].(int64) < 1e9 {
		t.Fatalf("stat file: %v", st)
	}
	st = e.ok(fsm+"statSync", m{"path": "wxfile://usr/a"})["stats"].(map[string]any)
	if st["mode"].(uint32)&0o170000 != 0o040000 {
		t.Fatalf("stat dir: %v", st)
	}
	all := e.ok(fsm+"stat", m{"path": "wxfile://usr/a", "recursive": true})["stats"].([]map[string]any)
	var paths []string
	for _, s := range all {
		paths = append(paths, s["path"].(string))
	}
	if strings.Join(paths, ",") != "/,/b,/b/x.txt,/y.txt" {
		t.Fatalf("recursive stat: %v", paths)
	}

	e.fails(fsm+"rmdir", m{"dirPath": "wxfile://usr/a"}, `rmdir:fail directory not empty, rmdir "wxfile://usr/a"`, 1300066)
	e.fails(fsm+"rmdir", m{"dirPath": "wxfile://usr/a/y.txt"}, `rmdir:fail not a directory, rmdir "wxfile://usr/a/y.txt"`, 1300020)
	e.fails(fsm+"unlink", m{"filePath": "wxfile://usr/a/b"}, `unlink:fail illegal operation on a directory, unlink "wxfile://usr/a/b"`, 1301003)
	e.ok(fsm+"unlink", m{"filePath": "wxfile://usr/a/y.txt"})
	e.fails(fsm+"unlink", m{"filePath": "wxfile://usr/a/y.txt"}, `unlink:fail no such file or directory, unlink "wxfile://usr/a/y.txt"`, 1300002)
	e.fails(fsm+"access", m{"path": "wxfile://usr/a/y.txt"}, `access:fail no such file or directory, access "wxfile://usr/a/y.txt"`, 1300002)
	e.ok(fsm+"accessSync", m{"path": "wxfile://usr/a/b"})

	// rename and truncate.
	e.ok(fsm+"rename", m{"oldPath": "wxfile://usr/a/b/x.txt", "newPath": "wxfile://usr/x.txt"})
	e.fails(fsm+"rename", m{"oldPath": "wxfile://usr/a/b/x.txt", "newPath": "wxfile://usr/z.txt"}, `rename:fail no such file or directory, rename "wxfile://usr/a/b/x.txt"`, 1300002)
	e.fails(fsm+"rename", m{"oldPath": "wxfile://usr/x.txt", "newPath": "/x.txt"}, `rename:fail permission denied, rename "wxfile://usr/x.txt"`, 1300013)
	e.ok(fsm+"truncate", m{"filePath": "wxfile://usr/x.txt", "length": 2})
	if res := e.ok(fsm+"readFile", m{"filePath": "wxfile://usr/x.txt", "encoding": "utf8"}); res["data"] != "12" {
		t.Fatalf("truncate: %v", res)
	}
	e.ok(fsm+"truncateSync", m{"filePath": "wxfile://usr/x.txt"})
	if st := e.ok(fsm+"stat", m{"path": "wxfile://usr/x.txt"})["stats"].(map[string]any); st["size"] != int64(0) {
		t.Fatalf("truncate to 0: %v", st)
	}
	e.ok(fsm+"rmdir", m{"dirPath": "wxfile://usr/a", "recursive": true})
	e.fails(fsm+"stat", m{"path": "wxfile://usr/a"}, `stat:fail no such file or directory, stat "wxfile://usr/a"`, 1300002)
}

func TestFilesSavedFilesAndInfo(t *testing.T) {
	e := newFilesEnv(t)
	tmp, err := e.f.TempFile(".png", []byte("image"))
	if err != nil || !strings.HasPrefix(tmp, "wxfile://tmp_") {
		t.Fatalf("temp file %q: %v", tmp, err)
	}
	info := e.ok("getFileInfo", m{"filePath": tmp})
	if info["size"] != 5 || info["digest"] != "78805a221a988e79ef3f42d7c5bfd418" {
		t.Fatalf("getFileInfo: %v", info)
	}
	if info := e.ok(fsm+"getFileInfo", m{"filePath": tmp, "digestAlgorithm": "sha1"}); info["digest"] != "de1ed9f4fcb2e1c4fa5b1f1b1c2ba3b5b4c2d23a" && len(info["digest"].(string)) != 40 {
		t.Fatalf("sha1: %v", info)
	}
	saved := e.ok("saveFile", m{"tempFilePath": tmp})["savedFilePath"].(string)
	if !strings.HasPrefix(saved, "wxfile://store_") || !strings.HasSuffix(saved, ".png") {
		t.Fatalf("savedFilePath %q", saved)
	}
	// The temporary file was moved.
	e.fails("getFileInfo", m{"filePath": tmp}, `getFileInfo:fail no such file or directory, getFileInfo "`+tmp+`"`, 1300002)
	list := e.ok("getSavedFileList", nil)["fileList"].([]map[string]any)
	if len(list) != 1 || list[0]["filePath"] != saved || list[0]["size"] != int64(5) {
		t.Fatalf("getSavedFileList: %v", list)
	}
	if res := e.ok("getSavedFileInfo", m{"filePath": saved}); res["size"] != int64(5) {
		t.Fatalf("getSavedFileInfo: %v", res)
	}
	if res := e.ok(fsm+"readFile", m{"filePath": saved, "encoding": "utf8"}); res["data"] != "image" {
		t.Fatalf("read saved: %v", res)
	}
	// A saved file is not writable through the file system manager.
	e.fails(fsm+"writeFile", m{"filePath": saved, "data": "x"}, `writeFile:fail permission denied, writeFile "`+saved+`"`, 1300013)
	// saveFile to a path of usr; saveFileSync; a usr file may be saved too (copied).
	e.ok(fsm+"writeFile", m{"filePath": "wxfile://usr/u.txt", "data": "u"})
	if res := e.ok(fsm+"saveFileSync", m{"tempFilePath": "wxfile://usr/u.txt", "filePath": "wxfile://usr/v.txt"}); res["savedFilePath"] != "wxfile://usr/v.txt" {
		t.Fatalf("saveFile to usr: %v", res)
	}
	e.ok("removeSavedFile", m{"filePath": saved})
	e.fails("removeSavedFile", m{"filePath": saved}, `removeSavedFile:fail no such file or directory, removeSavedFile "`+saved+`"`, 1300002)
	e.fails("getSavedFileInfo", m{"filePath": "wxfile://usr/u.txt"}, `getSavedFileInfo:fail no such file or directory, getSavedFileInfo "wxfile://usr/u.txt"`, 1300002)
	if list := e.ok(fsm+"getSavedFileList", nil)["fileList"].([]map[string]any); len(list) != 0 {
		t.Fatalf("after remove: %v", list)
	}
	e.fails("saveFile", m{"tempFilePath": "wxfile://tmp_none"}, `saveFile:fail no such file or directory, saveFile "wxfile://tmp_none"`, 1300002)
}

func TestFilesLimit(t *testing.T) {
	e := newFilesEnv(t)
	e.f.Limit = 1000
	e.ok(fsm+"writeFile", m{"filePath": "wxfile://usr/a", "data": strings.Repeat("a", 600)})
	e.fails(fsm+"writeFile", m{"filePath": "wxfile://usr/b", "data": strings.Repeat("b", 500)}, `writeFile:fail the maximum size of the file storage limit is exceeded, writeFile "wxfile://usr/b"`, 1300202)
	// Rewriting a file counts its new size only.
	e.ok(fsm+"writeFile", m{"filePath": "wxfile://usr/a", "data": strings.Repeat("a", 900)})
	e.fails(fsm+"appendFile", m{"filePath": "wxfile://usr/a", "data": strings.Repeat("a", 101)}, `appendFile:fail the maximum size of the file storage limit is exceeded, appendFile "wxfile://usr/a"`, 1300202)
	e.fails(fsm+"copyFile", m{"srcPath": "wxfile://usr/a", "destPath": "wxfile://usr/c"}, `copyFile:fail the maximum size of the file storage limit is exceeded, copyFile "wxfile://usr/a"`, 1300202)
	tmp, _ := e.f.TempFile("", bytes.Repeat([]byte("t"), 200))
	e.fails("saveFile", m{"tempFilePath": tmp}, `saveFile:fail the maximum size of the file storage limit is exceeded, saveFile "`+tmp+`"`, 1300202)
}

func zipOf(t *testing.T, files map[string]string) string {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

func TestFilesUnzip(t *testing.T) {
	e := newFilesEnv(t)
	e.ok(fsm+"writeFile", m{"filePath": "wxfile://usr/a.zip", "data": zipOf(t, map[string]string{"x/y.txt": "why", "z.txt": "zed"}), "encoding": "base64"})
	e.ok(fsm+"mkdir", m{"dirPath": "wxfile://usr/out"})
	e.ok(fsm+"unzip", m{"zipFilePath": "wxfile://usr/a.zip", "targetPath": "wxfile://usr/out"})
	if res := e.ok(fsm+"readFile", m{"filePath": "wxfile://usr/out/x/y.txt", "encoding": "utf8"}); res["data"] != "why" {
		t.Fatalf("unzipped: %v", res)
	}
	// Zip slip: an entry climbing out of the target is refused, and nothing is written.
	for _, bad := range []string{"../evil.txt", "../../../evil.txt", "/evil.txt", `..\evil.txt`} {
		e.ok(fsm+"writeFile", m{"filePath": "wxfile://usr/bad.zip", "data": zipOf(t, map[string]string{"ok.txt": "fine", bad: "evil"}), "encoding": "base64"})
		res := e.call(fsm+"unzip", m{"zipFilePath": "wxfile://usr/bad.zip", "targetPath": "wxfile://usr/out"})
		if !strings.HasPrefix(res["errMsg"].(string), "unzip:fail permission denied") {
			t.Errorf("%s: %v", bad, res)
		}
	}
	if _, err := os.Stat(filepath.Join(e.dir, "files", "default", "usr", "out", "ok.txt")); err == nil {
		t.Error("a refused zip was partly extracted")
	}
	filepath.WalkDir(e.dir, func(p string, d fs.DirEntry, err error) error {
		if d != nil && d.Name() == "evil.txt" {
			t.Errorf("zip slip wrote %s", p)
		}
		return nil
	})
	e.fails(fsm+"unzip", m{"zipFilePath": "wxfile://usr/a.zip", "targetPath": "/code"}, `unzip:fail permission denied, unzip "wxfile://usr/a.zip"`, 1300013)
	e.fails(fsm+"unzip", m{"zipFilePath": "wxfile://usr/none.zip", "targetPath": "wxfile://usr/out"}, `unzip:fail no such file or directory, unzip "wxfile://usr/none.zip"`, 1300002)
}

func TestFilesSurviveARestart(t *testing.T) {
	e := newFilesEnv(t)
	e.ok(fsm+"writeFile", m{"filePath": "wxfile://usr/keep.txt", "data": "kept"})
	e.f.Close()
	f, err := OpenFiles(e.dir, "default", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := Default(Options{Device: IPhone12, Files: f})
	res := r.Invoke(context.Background(), Call{API: fsm + "readFile", Args: json.RawMessage(`{"filePath":"wxfile://usr/keep.txt","encoding":"utf8"}`)})
	if res["data"] != "kept" {
		t.Fatalf("after restart: %v", res)
	}
	// Another account sees nothing of it.
	g, _ := OpenFiles(e.dir, "other", nil)
	defer g.Close()
	r = Default(Options{Device: IPhone12, Files: g})
	res = r.Invoke(context.Background(), Call{API: fsm + "access", Args: json.RawMessage(`{"path":"wxfile://usr/keep.txt"}`)})
	if res["errno"] != 1300002 {
		t.Fatalf("other account: %v", res)
	}
}

func TestFilesParameterErrors(t *testing.T) {
	e := newFilesEnv(t)
	e.fails(fsm+"readFile", m{}, "readFile:fail parameter error: parameter.filePath should be String instead of Undefined;", 0)
	e.fails(fsm+"mkdirSync", m{"dirPath": 3}, "mkdirSync:fail parameter error: parameter.dirPath should be String instead of Number;", 0)
	e.fails("saveFile", m{"tempFilePath": nil}, "saveFile:fail parameter error: parameter.tempFilePath should be String instead of Null;", 0)
	e.fails(fsm+"writeFile", m{"filePath": "wxfile://usr/a"}, "writeFile:fail parameter error: parameter.data should be String/ArrayBuffer instead of Undefined;", 0)
	e.ok(fsm+"mkdir", m{"dirPath": "wxfile://usr/a"})
	e.fails(fsm+"rename", m{"oldPath": "wxfile://usr/a", "newPath": "wxfile://usr/a/b"}, `rename:fail invalid argument, rename "wxfile://usr/a"`, 1300022)
}

package api

import (
	"archive/zip"
	"context"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// FilesLimit is the phone's limit on what a mini-program keeps in its user folder and
// saved files together.
const FilesLimit = 200 << 20

// The areas of the sandbox: the user folder (wx.env.USER_DATA_PATH), temporary files and
// saved files, each a folder under the account's root.
const (
	areaUsr   = "usr"
	areaTmp   = "tmp"
	areaStore = "store"
	areaCode  = "" // a file of the code package, read from the mini-program root
)

// Files is the mini-program's file system (wx.getFileSystemManager, wx.saveFile ...): real
// files under <data folder>/files/<account>/, reached through an os.Root so that no path,
// ".." or symbolic link leaves it. Files of the code package are read from Code.
type Files struct {
	root *os.Root
	code func() fs.FS
	// Limit is the most usr and store may hold together (FilesLimit).
	Limit int64

	mu sync.Mutex // serialises writes, so that the limit holds
}

// OpenFiles opens (creating) the file sandbox of account in dataDir. code gives the
// mini-program root of the current build (nil: the code package has no files).
func OpenFiles(dataDir, account string, code func() fs.FS) (*Files, error) {
	dir := filepath.Join(dataDir, "files", account)
	for _, area := range []string{areaUsr, areaTmp, areaStore} {
		if err := os.MkdirAll(filepath.Join(dir, area), 0o755); err != nil {
			return nil, fmt.Errorf("creating the file sandbox %s: %w", dir, err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("opening the file sandbox %s: %w", dir, err)
	}
	if code == nil {
		code = func() fs.FS { return nil }
	}
	return &Files{root: root, code: code, Limit: FilesLimit}, nil
}

// Close releases the sandbox's root.
func (f *Files) Close() error { return f.root.Close() }

// fileError is a failure as the phone reports it: its reason and errno.
type fileError struct {
	reason string
	errno  int
}

func (e *fileError) Error() string { return e.reason }

// The phone's documented reasons and errnos (FileSystemManager's error tables).
var (
	errNoEntry      = &fileError{"no such file or directory", 1300002}
	errPermission   = &fileError{"permission denied", 1300013}
	errNoAccess     = &fileError{"permission denied, cannot access file path", 1301000}
	errNotDir       = &fileError{"not a directory", 1300020}
	errIsDir        = &fileError{"illegal operation on a directory", 1301003}
	errNotEmpty     = &fileError{"directory not empty", 1300066}
	errExists       = &fileError{"file already exists", 1301005}
	errLimit        = &fileError{"the maximum size of the file storage limit is exceeded", 1300202}
	errInvalid      = &fileError{"invalid argument", 1300022}
	errNotPermitted = &fileError{"operation not permitted", 1300001}
	errBase64       = &fileError{"base64 encode error", 1300203}
)

// location is a mini-program path resolved: its area and its name inside the root.
type location struct {
	given string // as the mini-program wrote it, for messages
	area  string
	name  string // slash-separated, relative to the root ("usr/a/b.txt") or the code package
}

// resolve maps a mini-program path to the sandbox. wxfile://usr/... (and http://usr/...)
// is the user folder, wxfile://tmp_x a temporary file, wxfile://store_x a saved file; a
// path without a scheme is a file of the code package.
func resolve(p string) (location, error) {
	loc := location{given: p}
	rest, isWx := strings.CutPrefix(p, "wxfile://")
	if !isWx {
		rest, isWx = strings.CutPrefix(p, "http://")
		if isWx && rest != "usr" && !strings.HasPrefix(rest, "usr/") {
			return loc, errNoAccess
		}
	}
	if !isWx {
		if strings.Contains(p, "://") {
			return loc, errNoAccess
		}
		name := path.Clean("/" + p)[1:]
		if name == "" {
			name = "."
		}
		loc.area, loc.name = areaCode, name
		return loc, nil
	}
	switch {
	case rest == "usr" || strings.HasPrefix(rest, "usr/"):
		name := path.Clean(rest)
		if name != "usr" && !strings.HasPrefix(name, "usr/") {
			return loc, errNoAccess // climbs out of usr
		}
		loc.area, loc.name = areaUsr, name
	case strings.HasPrefix(rest, "tmp_") && !strings.ContainsAny(rest, `/\`):
		loc.area, loc.name = areaTmp, areaTmp+"/"+rest
	case strings.HasPrefix(rest, "store_") && !strings.ContainsAny(rest, `/\`):
		loc.area, loc.name = areaStore, areaStore+"/"+rest
	default:
		return loc, errNoAccess
	}
	return loc, nil
}

// wxPath is the mini-program's path of a name inside the root.
func wxPath(name string) string {
	if rest, ok := strings.CutPrefix(name, areaTmp+"/"); ok {
		return "wxfile://" + rest
	}
	if rest, ok := strings.CutPrefix(name, areaStore+"/"); ok {
		return "wxfile://" + rest
	}
	return "wxfile://" + name
}

// classify turns an error of the file system into the phone's.
func classify(err error) error {
	var fe *fileError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &fe):
		return fe
	case errors.Is(err, syscall.ENOTDIR):
		return errNotDir
	case errors.Is(err, syscall.EISDIR):
		return errIsDir
	case errors.Is(err, syscall.ENOTEMPTY), errors.Is(err, syscall.EEXIST) && strings.Contains(err.Error(), "rmdir"):
		return errNotEmpty
	case errors.Is(err, fs.ErrExist):
		return errExists
	case errors.Is(err, fs.ErrNotExist):
		return errNoEntry
	case strings.Contains(err.Error(), "escapes from parent"), errors.Is(err, syscall.ELOOP):
		// A symbolic link (or "..") that leads out of the sandbox.
		return errNoAccess
	case errors.Is(err, fs.ErrPermission):
		return errPermission
	case errors.Is(err, syscall.ENOSPC):
		return errLimit
	case errors.Is(err, syscall.EINVAL):
		return errInvalid
	}
	return err
}

// readInto reads the file at srcPath for an API that writes what it read to destPath
// (copyFile, unzip), once both paths are known good and the destination is writable.
func (f *Files) readInto(srcPath, destPath string) ([]byte, location, error) {
	src, err := resolve(srcPath)
	if err != nil {
		return nil, location{}, err
	}
	dst, err := resolve(destPath)
	if err != nil {
		return nil, location{}, err
	}
	if err := writable(dst); err != nil {
		return nil, location{}, err
	}
	b, err := f.readFile(src)
	return b, dst, err
}

// writable checks that loc may be changed by the mini-program: only the user folder.
func writable(loc location) error {
	if loc.area != areaUsr {
		return errPermission
	}
	return nil
}

// readFile reads a file of any area.
func (f *Files) readFile(loc location) ([]byte, error) {
	if loc.area == areaCode {
		code := f.code()
		if code == nil || !fs.ValidPath(loc.name) {
			return nil, errNoEntry
		}
		if st, err := fs.Stat(code, loc.name); err == nil && st.IsDir() {
			return nil, errIsDir
		}
		b, err := fs.ReadFile(code, loc.name)
		return b, classify(err)
	}
	if st, err := f.root.Stat(loc.name); err == nil && st.IsDir() {
		return nil, errIsDir
	}
	b, err := f.root.ReadFile(loc.name)
	return b, classify(err)
}

// stat stats a path of any area, following symbolic links inside the sandbox.
func (f *Files) stat(loc location) (fs.FileInfo, error) {
	if loc.area == areaCode {
		code := f.code()
		if code == nil || !fs.ValidPath(loc.name) {
			return nil, errNoEntry
		}
		st, err := fs.Stat(code, loc.name)
		return st, classify(err)
	}
	st, err := f.root.Stat(loc.name)
	return st, classify(err)
}

func (f *Files) readDir(loc location) ([]fs.DirEntry, error) {
	if loc.area == areaCode {
		code := f.code()
		if code == nil || !fs.ValidPath(loc.name) {
			return nil, errNoEntry
		}
		ents, err := fs.ReadDir(code, loc.name)
		if err != nil {
			if st, serr := fs.Stat(code, loc.name); serr == nil && !st.IsDir() {
				return nil, errNotDir
			}
		}
		return ents, classify(err)
	}
	st, err := f.root.Stat(loc.name)
	if err != nil {
		return nil, classify(err)
	}
	if !st.IsDir() {
		return nil, errNotDir
	}
	ents, err := fs.ReadDir(f.root.FS(), loc.name)
	return ents, classify(err)
}

// used is what usr and store hold.
func (f *Files) used() int64 {
	var n int64
	for _, area := range []string{areaUsr, areaStore} {
		fs.WalkDir(f.root.FS(), area, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				if info, err := d.Info(); err == nil {
					n += info.Size()
				}
			}
			return nil
		})
	}
	return n
}

// fits checks that growing usr/store by grow bytes keeps them within the limit.
func (f *Files) fits(grow int64) error {
	if grow > 0 && f.used()+grow > f.Limit {
		return errLimit
	}
	return nil
}

func (f *Files) size(name string) int64 {
	if st, err := f.root.Lstat(name); err == nil && st.Mode().IsRegular() {
		return st.Size()
	}
	return 0
}

// writeFile writes (or appends to) a file of usr, within the limit.
func (f *Files) writeFile(loc location, data []byte, appendTo bool) error {
	if err := writable(loc); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	st, err := f.root.Stat(loc.name)
	switch {
	case err == nil && st.IsDir():
		return errIsDir
	case err != nil && appendTo:
		return classify(err)
	}
	grow := int64(len(data))
	if !appendTo {
		grow -= f.size(loc.name)
	}
	if err := f.fits(grow); err != nil {
		return err
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if appendTo {
		flags = os.O_WRONLY | os.O_APPEND
	}
	file, err := f.root.OpenFile(loc.name, flags, 0o644)
	if err != nil {
		return classify(err)
	}
	_, err = file.Write(data)
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	return classify(err)
}

// TempFile writes data as a new temporary file (what wx.chooseImage or wx.downloadFile
// give the mini-program) and returns its wxfile:// path.
func (f *Files) TempFile(ext string, data []byte) (string, error) {
	name := areaTmp + "/tmp_" + randomName() + ext
	if err := f.root.WriteFile(name, data, 0o644); err != nil {
		return "", err
	}
	return wxPath(name), nil
}

// Open opens a file of the sandbox by its mini-program path, for the server to show
// (<image src="wxfile://usr/a.png">). It never opens a file of the code package.
func (f *Files) Open(p string) (*os.File, fs.FileInfo, error) {
	loc, err := resolve(p)
	if err != nil || loc.area == areaCode {
		return nil, nil, fs.ErrNotExist
	}
	file, err := f.root.Open(loc.name)
	if err != nil {
		return nil, nil, err
	}
	st, err := file.Stat()
	if err != nil || st.IsDir() {
		file.Close()
		return nil, nil, fs.ErrNotExist
	}
	return file, st, nil
}

func randomName() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// encode turns a string written by the mini-program into bytes, in one of the phone's
// encodings; ok is false for an encoding it does not know.
func encode(s, encoding string) ([]byte, error) {
	switch strings.ToLower(encoding) {
	case "", "utf8", "utf-8":
		return []byte(s), nil
	case "ascii", "binary", "latin1":
		units := utf16.Encode([]rune(s))
		b := make([]byte, len(units))
		for i, u := range units {
			b[i] = byte(u)
		}
		return b, nil
	case "base64":
		b, err := base64.StdEncoding.DecodeString(strings.TrimRight(s, "=") + strings.Repeat("=", (4-len(strings.TrimRight(s, "="))%4)%4))
		if err != nil {
			return nil, errBase64
		}
		return b, nil
	case "hex":
		b, err := hex.DecodeString(s)
		if err != nil {
			return nil, errInvalid
		}
		return b, nil
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		units := utf16.Encode([]rune(s))
		b := make([]byte, 2*len(units))
		for i, u := range units {
			b[2*i], b[2*i+1] = byte(u), byte(u>>8)
		}
		return b, nil
	}
	return nil, fmt.Errorf("unknown encoding %q", encoding)
}

// decode turns bytes into a string in one of the phone's encodings.
func decode(b []byte, encoding string) (string, error) {
	switch strings.ToLower(encoding) {
	case "utf8", "utf-8":
		if utf8.Valid(b) {
			return string(b), nil
		}
		return strings.ToValidUTF8(string(b), "\uFFFD"), nil
	case "ascii":
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c & 0x7f)
		}
		return string(r), nil
	case "binary", "latin1":
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return string(r), nil
	case "base64":
		return base64.StdEncoding.EncodeToString(b), nil
	case "hex":
		return hex.EncodeToString(b), nil
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		units := make([]uint16, len(b)/2)
		for i := range units {
			units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return string(utf16.Decode(units)), nil
	}
	return "", fmt.Errorf("unknown encoding %q", encoding)
}

// binary is an ArrayBuffer as it crosses the bridge.
type binary struct {
	B64 string `json:"__mpsimArrayBuffer"`
}

func arrayBuffer(b []byte) binary { return binary{B64: base64.StdEncoding.EncodeToString(b)} }

// dataArg decodes the data of writeFile/appendFile: a string in an encoding, or an
// ArrayBuffer.
func dataArg(raw json.RawMessage, encoding string) ([]byte, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return encode(s, encoding)
	}
	var bin binary
	if err := json.Unmarshal(raw, &bin); err == nil && (bin.B64 != "" || strings.Contains(string(raw), "__mpsimArrayBuffer")) {
		b, err := base64.StdEncoding.DecodeString(bin.B64)
		if err != nil {
			return nil, errInvalid
		}
		return b, nil
	}
	return nil, fmt.Errorf("parameter error: parameter.data should be String/ArrayBuffer instead of %s;", jsType(raw))
}

// fileStats is res.stats as the runtime gets it: the Unix st_mode (the runtime's
// isFile/isDirectory read its type bits), the size, and times in seconds.
func fileStats(st fs.FileInfo) map[string]any {
	mode := uint32(st.Mode().Perm())
	if st.IsDir() {
		mode |= syscall.S_IFDIR
	} else {
		mode |= syscall.S_IFREG
	}
	atime := st.ModTime()
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		atime = time.Unix(sys.Atim.Unix())
	}
	return map[string]any{
		"mode":             mode,
		"size":             st.Size(),
		"lastAccessedTime": atime.Unix(),
		"lastModifiedTime": st.ModTime().Unix(),
	}
}

// fsArgs are every argument a file API takes.
type fsArgs struct {
	Path            string          `json:"path"`
	FilePath        string          `json:"filePath"`
	DirPath         string          `json:"dirPath"`
	SrcPath         string          `json:"srcPath"`
	DestPath        string          `json:"destPath"`
	OldPath         string          `json:"oldPath"`
	NewPath         string          `json:"newPath"`
	TempFilePath    string          `json:"tempFilePath"`
	ZipFilePath     string          `json:"zipFilePath"`
	TargetPath      string          `json:"targetPath"`
	Data            json.RawMessage `json:"data"`
	Encoding        string          `json:"encoding"`
	Recursive       bool            `json:"recursive"`
	Position        *int64          `json:"position"`
	Length          *int64          `json:"length"`
	DigestAlgorithm string          `json:"digestAlgorithm"`
}

// fileOp is one file API: method names it in errMsg, the handler does the work.
type fileOp func(a fsArgs, method string) (map[string]any, error)

// fileFail is the phone's failure of method on the path given: `readFile:fail no such
// file or directory, readFile "wxfile://usr/a.txt"`, with its errno.
func fileFail(method, given string, err error) Result {
	var fe *fileError
	if errors.As(err, &fe) {
		reason := fe.reason
		if given != "" {
			reason += fmt.Sprintf(", %s %q", method, given)
		}
		r := Fail(method, reason)
		r["errno"] = fe.errno
		return r
	}
	return Fail(method, err.Error())
}

// registerFiles adds the file system APIs. FileSystemManager's methods are registered
// as "FileSystemManager.<method>" (and "FileSystemManager.<method>Sync" for the runtime's
// synchronous calls, through /apihelper/assdk); they answer as "<method>:ok". wx.saveFile,
// wx.getFileInfo and the saved-file APIs keep their own names.
func registerFiles(r *Registry, f *Files) {
	// handler runs op for the API errName; path names the argument whose value failure
	// messages quote, and which must be a string ("" for none).
	handler := func(errName, path string, op fileOp) Handler {
		return func(ctx context.Context, call Call) (Result, error) {
			given := ""
			if path != "" {
				var raw map[string]json.RawMessage
				json.Unmarshal(call.Args, &raw)
				if err := json.Unmarshal(raw[path], &given); err != nil || jsType(raw[path]) != "String" {
					return Fail(errName, fmt.Sprintf("parameter error: parameter.%s should be String instead of %s;", path, jsType(raw[path]))), nil
				}
			}
			var a fsArgs
			if err := decodeArgs(call, &a); err != nil {
				return Fail(errName, "parameter error: "+err.Error()), nil
			}
			fields, err := op(a, errName)
			if err != nil {
				return fileFail(errName, given, err), nil
			}
			return OK(errName, fields), nil
		}
	}
	add := func(method string, withSync bool, path string, op fileOp) {
		r.RegisterInOrder("FileSystemManager."+method, handler(method, path, op))
		if withSync {
			r.RegisterInOrder("FileSystemManager."+method+"Sync", handler(method+"Sync", path, op))
		}
	}
	wxAPI := func(name string, withSync bool, path string, op fileOp) {
		add(name, withSync, path, op)
		r.RegisterInOrder(name, handler(name, path, op))
	}
	const (
		byPath = "path"
		byFile = "filePath"
		byDir  = "dirPath"
		bySrc  = "srcPath"
		byOld  = "oldPath"
		byTemp = "tempFilePath"
		byZip  = "zipFilePath"
	)

	add("access", true, byPath, func(a fsArgs, _ string) (map[string]any, error) {
		loc, err := resolve(a.Path)
		if err != nil {
			return nil, err
		}
		_, err = f.stat(loc)
		return nil, err
	})
	add("readFile", true, byFile, func(a fsArgs, _ string) (map[string]any, error) {
		loc, err := resolve(a.FilePath)
		if err != nil {
			return nil, err
		}
		b, err := f.readFile(loc)
		if err != nil {
			return nil, err
		}
		if a.Position != nil || a.Length != nil {
			pos, n := int64(0), int64(len(b))
			if a.Position != nil {
				pos = *a.Position
			}
			if pos < 0 || pos > int64(len(b)) || pos == int64(len(b)) && len(b) > 0 {
				return nil, &fileError{`the value of "position" is out of range`, 1300022}
			}
			n -= pos
			if a.Length != nil {
				if *a.Length < 1 && len(b) > 0 || *a.Length > n {
					return nil, &fileError{`the value of "length" is out of range`, 1300022}
				}
				n = *a.Length
			}
			b = b[pos : pos+n]
		}
		if a.Encoding == "" {
			return map[string]any{"data": arrayBuffer(b)}, nil
		}
		s, err := decode(b, a.Encoding)
		if err != nil {
			return nil, err
		}
		return map[string]any{"data": s}, nil
	})
	write := func(appendTo bool) fileOp {
		return func(a fsArgs, _ string) (map[string]any, error) {
			loc, err := resolve(a.FilePath)
			if err != nil {
				return nil, err
			}
			if err := writable(loc); err != nil {
				return nil, err
			}
			data, err := dataArg(a.Data, a.Encoding)
			if err != nil {
				return nil, err
			}
			return nil, f.writeFile(loc, data, appendTo)
		}
	}
	add("writeFile", true, byFile, write(false))
	add("appendFile", true, byFile, write(true))
	add("copyFile", true, bySrc, func(a fsArgs, _ string) (map[string]any, error) {
		b, dst, err := f.readInto(a.SrcPath, a.DestPath)
		if err != nil {
			return nil, err
		}
		return nil, f.writeFile(dst, b, false)
	})
	add("mkdir", true, byDir, func(a fsArgs, _ string) (map[string]any, error) {
		loc, err := resolve(a.DirPath)
		if err != nil {
			return nil, err
		}
		if err := writable(loc); err != nil {
			return nil, err
		}
		if _, err := f.root.Stat(loc.name); err == nil {
			return nil, errExists
		}
		if a.Recursive {
			return nil, classify(f.root.MkdirAll(loc.name, 0o755))
		}
		return nil, classify(f.root.Mkdir(loc.name, 0o755))
	})
	add("readdir", true, byDir, func(a fsArgs, _ string) (map[string]any, error) {
		loc, err := resolve(a.DirPath)
		if err != nil {
			return nil, err
		}
		ents, err := f.readDir(loc)
		if err != nil {
			return nil, err
		}
		files := make([]string, 0, len(ents))
		for _, e := range ents {
			files = append(files, e.Name())
		}
		return map[string]any{"files": files}, nil
	})
	add("rmdir", true, byDir, func(a fsArgs, _ string) (map[string]any, error) {
		loc, err := resolve(a.DirPath)
		if err != nil {
			return nil, err
		}
		if err := writable(loc); err != nil {
			return nil, err
		}
		if loc.name == areaUsr {
			return nil, errNoAccess // the user folder itself stays
		}
		st, err := f.root.Lstat(loc.name)
		if err != nil {
			return nil, classify(err)
		}
		if !st.IsDir() {
			return nil, errNotDir
		}
		if a.Recursive {
			return nil, classify(f.root.RemoveAll(loc.name))
		}
		return nil, classify(f.root.Remove(loc.name))
	})
	add("unlink", true, byFile, func(a fsArgs, _ string) (map[string]any, error) {
		loc, err := resolve(a.FilePath)
		if err != nil {
			return nil, err
		}
		if loc.area != areaUsr && loc.area != areaTmp {
			return nil, errPermission
		}
		st, err := f.root.Lstat(loc.name)
		if err != nil {
			return nil, classify(err)
		}
		if st.IsDir() {
			return nil, errIsDir
		}
		return nil, classify(f.root.Remove(loc.name))
	})
	add("rename", true, byOld, func(a fsArgs, _ string) (map[string]any, error) {
		from, err := resolve(a.OldPath)
		if err != nil {
			return nil, err
		}
		to, err := resolve(a.NewPath)
		if err != nil {
			return nil, err
		}
		if from.area != areaUsr && from.area != areaTmp || writable(to) != nil || from.name == areaUsr {
			return nil, errPermission
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		if _, err := f.root.Lstat(from.name); err != nil {
			return nil, classify(err)
		}
		if from.area == areaTmp {
			if err := f.fits(f.size(from.name) - f.size(to.name)); err != nil {
				return nil, err
			}
		}
		return nil, classify(f.root.Rename(from.name, to.name))
	})
	statOp := func(a fsArgs, _ string) (map[string]any, error) {
		loc, err := resolve(a.Path)
		if err != nil {
			return nil, err
		}
		st, err := f.stat(loc)
		if err != nil {
			return nil, err
		}
		if !a.Recursive || !st.IsDir() {
			return map[string]any{"stats": fileStats(st)}, nil
		}
		// Recursive: every entry under the folder, by its path from it ("/" the folder).
		var fsys fs.FS
		if loc.area == areaCode {
			fsys = f.code()
		} else {
			fsys = f.root.FS()
		}
		var all []map[string]any
		err = fs.WalkDir(fsys, loc.name, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			rel := "/" + strings.TrimPrefix(strings.TrimPrefix(p, loc.name), "/")
			all = append(all, map[string]any{"path": rel, "stats": fileStats(info)})
			return nil
		})
		if err != nil {
			return nil, classify(err)
		}
		return map[string]any{"stats": all}, nil
	}
	add("stat", true, byPath, statOp)
	add("truncate", true, byFile, func(a fsArgs, _ string) (map[string]any, error) {
		loc, err := resolve(a.FilePath)
		if err != nil {
			return nil, err
		}
		if err := writable(loc); err != nil {
			return nil, err
		}
		n := int64(0)
		if a.Length != nil {
			n = *a.Length
		}
		if n < 0 {
			return nil, errInvalid
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		st, err := f.root.Stat(loc.name)
		if err != nil {
			return nil, classify(err)
		}
		if st.IsDir() {
			return nil, errIsDir
		}
		if err := f.fits(n - st.Size()); err != nil {
			return nil, err
		}
		file, err := f.root.OpenFile(loc.name, os.O_WRONLY, 0)
		if err != nil {
			return nil, classify(err)
		}
		defer file.Close()
		return nil, classify(file.Truncate(n))
	})
	add("unzip", false, byZip, func(a fsArgs, _ string) (map[string]any, error) {
		b, dst, err := f.readInto(a.ZipFilePath, a.TargetPath)
		if err != nil {
			return nil, err
		}
		return nil, f.unzip(b, dst)
	})
	wxAPI("saveFile", true, byTemp, func(a fsArgs, _ string) (map[string]any, error) {
		src, err := resolve(a.TempFilePath)
		if err != nil {
			return nil, err
		}
		var dst location
		if a.FilePath != "" {
			if dst, err = resolve(a.FilePath); err != nil {
				return nil, err
			}
			if err := writable(dst); err != nil {
				return nil, err
			}
		} else {
			dst = location{area: areaStore, name: areaStore + "/store_" + randomName() + path.Ext(src.name)}
		}
		if src.area == areaStore {
			return nil, errPermission
		}
		b, err := f.readFile(src)
		if err != nil {
			return nil, err
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		if err := f.fits(int64(len(b)) - f.size(dst.name)); err != nil {
			return nil, err
		}
		if src.area == areaTmp {
			// A temporary file is moved: its path is no longer valid, as on the phone.
			err = f.root.Rename(src.name, dst.name)
		} else {
			err = f.root.WriteFile(dst.name, b, 0o644)
		}
		if err != nil {
			return nil, classify(err)
		}
		return map[string]any{"savedFilePath": wxPath(dst.name)}, nil
	})
	wxAPI("getFileInfo", false, byFile, func(a fsArgs, method string) (map[string]any, error) {
		loc, err := resolve(a.FilePath)
		if err != nil {
			return nil, err
		}
		b, err := f.readFile(loc)
		if err != nil {
			return nil, err
		}
		var h hash.Hash
		switch a.DigestAlgorithm {
		case "", "md5":
			h = md5.New()
		case "sha1":
			h = sha1.New()
		default:
			return nil, &fileError{"invalid digestAlgorithm", 1300022}
		}
		h.Write(b)
		return map[string]any{"size": len(b), "digest": hex.EncodeToString(h.Sum(nil))}, nil
	})
	wxAPI("getSavedFileList", false, "", func(fsArgs, string) (map[string]any, error) {
		ents, err := fs.ReadDir(f.root.FS(), areaStore)
		if err != nil {
			return nil, classify(err)
		}
		list := []map[string]any{}
		for _, e := range ents {
			info, err := e.Info()
			if err != nil || !info.Mode().IsRegular() {
				continue
			}
			list = append(list, map[string]any{"filePath": wxPath(areaStore + "/" + e.Name()), "size": info.Size(), "createTime": info.ModTime().Unix()})
		}
		sort.Slice(list, func(i, j int) bool { return list[i]["createTime"].(int64) < list[j]["createTime"].(int64) })
		return map[string]any{"fileList": list}, nil
	})
	savedFile := func(a fsArgs) (location, error) {
		loc, err := resolve(a.FilePath)
		if err == nil && loc.area != areaStore {
			err = errNoEntry
		}
		return loc, err
	}
	wxAPI("getSavedFileInfo", false, byFile, func(a fsArgs, _ string) (map[string]any, error) {
		loc, err := savedFile(a)
		if err != nil {
			return nil, err
		}
		st, err := f.root.Stat(loc.name)
		if err != nil {
			return nil, classify(err)
		}
		return map[string]any{"size": st.Size(), "createTime": st.ModTime().Unix()}, nil
	})
	wxAPI("removeSavedFile", false, byFile, func(a fsArgs, _ string) (map[string]any, error) {
		loc, err := savedFile(a)
		if err != nil {
			return nil, err
		}
		return nil, classify(f.root.Remove(loc.name))
	})
}

// unzip extracts a zip archive into dst, refusing any entry that would land outside it
// (zip slip) before writing anything, and keeping within the limit.
func (f *Files) unzip(b []byte, dst location) error {
	zr, err := zip.NewReader(strings.NewReader(string(b)), int64(len(b)))
	if err != nil {
		return &fileError{"read zip data", 1300201}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if st, err := f.root.Stat(dst.name); err != nil {
		return classify(err)
	} else if !st.IsDir() {
		return errNotDir
	}
	var total int64
	for _, zf := range zr.File {
		name := strings.ReplaceAll(zf.Name, `\`, "/")
		if strings.HasPrefix(name, "/") || !fs.ValidPath(strings.TrimSuffix(name, "/")) {
			return &fileError{fmt.Sprintf("permission denied, entry %q leaves the target folder", zf.Name), 1300014}
		}
		total += int64(zf.UncompressedSize64)
	}
	if err := f.fits(total); err != nil {
		return err
	}
	for _, zf := range zr.File {
		name := path.Join(dst.name, strings.ReplaceAll(zf.Name, `\`, "/"))
		if zf.FileInfo().IsDir() {
			if err := f.root.MkdirAll(name, 0o755); err != nil {
				return classify(err)
			}
			continue
		}
		if err := f.root.MkdirAll(path.Dir(name), 0o755); err != nil {
			return classify(err)
		}
		if err := f.extract(zf, name); err != nil {
			return err
		}
	}
	return nil
}

func (f *Files) extract(zf *zip.File, name string) error {
	rc, err := zf.Open()
	if err != nil {
		return &fileError{"read zip data", 1300201}
	}
	defer rc.Close()
	out, err := f.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return classify(err)
	}
	_, err = io.Copy(out, io.LimitReader(rc, int64(zf.UncompressedSize64)))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return classify(err)
}

package project

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Condition is a compile mode of the official tools: launch the app at PathName with
// Query (and a scene), kept under "condition" in project.private.config.json.
type Condition struct {
	Name       string `json:"name"`
	PathName   string `json:"pathName"`
	Query      string `json:"query"`
	Scene      *int   `json:"scene"`
	LaunchMode string `json:"launchMode,omitempty"`
}

type conditionBlock struct {
	Miniprogram struct {
		List []Condition `json:"list"`
	} `json:"miniprogram"`
}

// Conditions reads the compile modes of the project in fsys: project.private.config.json's,
// else project.config.json's (where older versions of the tools kept them).
func Conditions(fsys fs.FS) ([]Condition, error) {
	for _, name := range []string{"project.private.config.json", "project.config.json"} {
		data, err := fs.ReadFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var cfg struct {
			Condition *conditionBlock `json:"condition"`
		}
		if err := json.Unmarshal(data, &cfg); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if cfg.Condition != nil && len(cfg.Condition.Miniprogram.List) > 0 {
			return cfg.Condition.Miniprogram.List, nil
		}
	}
	return nil, nil
}

// SaveCondition adds c to the compile modes in dir's project.private.config.json (one of
// the same name is replaced), creating the file if need be. The file's other settings
// and their order are kept.
func SaveCondition(dir string, c Condition) error {
	path := filepath.Join(dir, "project.private.config.json")
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		data = []byte("{}")
	} else if err != nil {
		return err
	}
	list, err := Conditions(os.DirFS(dir))
	if err != nil {
		return err
	}
	replaced := false
	for i := range list {
		if list[i].Name == c.Name {
			list[i], replaced = c, true
		}
	}
	if !replaced {
		list = append(list, c)
	}
	var block conditionBlock
	block.Miniprogram.List = list
	value, err := json.Marshal(block)
	if err != nil {
		return err
	}
	out, err := setTopLevel(data, "condition", value)
	if err != nil {
		return fmt.Errorf("project.private.config.json: %v", err)
	}
	return os.WriteFile(path, out, 0o644)
}

// setTopLevel sets key in the JSON object data to value, keeping the other keys in their
// order, and writes the object indented by two spaces.
func setTopLevel(data []byte, key string, value json.RawMessage) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, errors.New("not a JSON object")
	}
	type field struct {
		key   string
		value json.RawMessage
	}
	var fields []field
	set := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		if k == key {
			v, set = value, true
		}
		fields = append(fields, field{k, v})
	}
	if !set {
		fields = append(fields, field{key, value})
	}
	var b bytes.Buffer
	b.WriteString("{\n")
	for i, f := range fields {
		k, _ := json.Marshal(f.key)
		b.WriteString("  ")
		b.Write(k)
		b.WriteString(": ")
		if err := json.Indent(&b, f.value, "  ", "  "); err != nil {
			return nil, err
		}
		if i < len(fields)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}

package project

import (
	"os"
	"path/filepath"
	"testing"
)

// Compile modes are read from project.private.config.json and saved back into it with the
// file's other settings kept in their order.
func TestSaveAndReadConditions(t *testing.T) {
	dir := t.TempDir()
	private := filepath.Join(dir, "project.private.config.json")
	os.WriteFile(private, []byte(`{"projectname": "x", "setting": {"urlCheck": false}, "libVersion": "3.3.4"}`), 0o644)
	os.WriteFile(filepath.Join(dir, "project.config.json"), []byte(`{"condition": {"miniprogram": {"list": [{"name": "old", "pathName": "pages/old/old", "query": ""}]}}}`), 0o644)

	got, err := Conditions(os.DirFS(dir))
	if err != nil || len(got) != 1 || got[0].Name != "old" {
		t.Fatalf("before saving, the shared config's modes: %+v, %v", got, err)
	}
	scene := 1011
	if err := SaveCondition(dir, Condition{Name: "detail", PathName: "pages/detail/detail", Query: "id=3", Scene: &scene}); err != nil {
		t.Fatal(err)
	}
	if err := SaveCondition(dir, Condition{Name: "detail", PathName: "pages/detail/detail", Query: "id=4"}); err != nil {
		t.Fatal(err)
	}
	got, err = Conditions(os.DirFS(dir))
	if err != nil || len(got) != 2 || got[1].Name != "detail" || got[1].Query != "id=4" || got[1].Scene != nil {
		t.Fatalf("after saving: %+v, %v", got, err)
	}
	data, _ := os.ReadFile(private)
	want := `{
  "projectname": "x",
  "setting": {
    "urlCheck": false
  },
  "libVersion": "3.3.4",
  "condition": {
    "miniprogram": {
      "list": [
        {
          "name": "old",
          "pathName": "pages/old/old",
          "query": "",
          "scene": null
        },
        {
          "name": "detail",
          "pathName": "pages/detail/detail",
          "query": "id=4",
          "scene": null
        }
      ]
    }
  }
}
`
	if string(data) != want {
		t.Fatalf("project.private.config.json:\n%s\nwant:\n%s", data, want)
	}
	if err := SaveCondition(t.TempDir(), Condition{Name: "a", PathName: "pages/a/a"}); err != nil {
		t.Fatalf("saving without a private config creates it: %v", err)
	}
	os.WriteFile(private, []byte(`[1]`), 0o644)
	if err := SaveCondition(dir, Condition{Name: "a"}); err == nil {
		t.Fatal("a private config that is not an object must be an error")
	}
}

package api

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
	"testing/fstest"
)

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, 0, color.RGBA{R: 255, A: 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// getImageInfo reads a picture's size and type from a temporary file or the code
// package; compressImage writes a smaller JPEG of it as a new temporary file.
func TestImageInfoAndCompress(t *testing.T) {
	e := newFilesEnv(t)
	e.code["images/wide.png"] = &fstest.MapFile{Data: pngOf(t, 40, 20)}
	tmp, err := e.f.TempFile(".png", pngOf(t, 30, 60))
	if err != nil {
		t.Fatal(err)
	}
	res := e.call("getImageInfo", map[string]any{"src": tmp})
	if res["errMsg"] != "getImageInfo:ok" || res["width"] != 30 || res["height"] != 60 || res["type"] != "png" || res["path"] != tmp {
		t.Errorf("getImageInfo of a temporary file: %v", res)
	}
	res = e.call("getImageInfo", map[string]any{"src": "/images/wide.png"})
	if res["width"] != 40 || res["height"] != 20 {
		t.Errorf("getImageInfo of a package file: %v", res)
	}
	for src, want := range map[string]string{
		"wxfile://usr/none.png": "getImageInfo:fail file not found: wxfile://usr/none.png",
		"/data/n.json":          "getImageInfo:fail image decode failed: image: unknown format",
		"":                      "getImageInfo:fail parameter error: parameter.src should be String",
	} {
		if got := e.call("getImageInfo", map[string]any{"src": src})["errMsg"]; got != want {
			t.Errorf("getImageInfo %q: %v, want %q", src, got, want)
		}
	}

	res = e.call("compressImage", map[string]any{"src": "/images/wide.png", "quality": 50, "compressedWidth": 20})
	out, _ := res["tempFilePath"].(string)
	if res["errMsg"] != "compressImage:ok" || out == "" {
		t.Fatalf("compressImage: %v", res)
	}
	res = e.call("getImageInfo", map[string]any{"src": out})
	if res["type"] != "jpeg" || res["width"] != 20 || res["height"] != 10 {
		t.Errorf("the compressed image: %v; want a 20x10 jpeg", res)
	}
}

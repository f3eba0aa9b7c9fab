package api

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/gif" // getImageInfo and compressImage read GIF, JPEG and PNG
	"image/jpeg"
	_ "image/png"
	"strings"
)

// registerMedia adds the image APIs that work on files of the sandbox or the code
// package: getImageInfo and compressImage. (A network image is downloaded first, by the
// runtime, as the phone does.)
func registerMedia(r *Registry, f *Files) {
	r.Register("getImageInfo", func(ctx context.Context, call Call) (Result, error) {
		var a struct {
			Src string `json:"src"`
		}
		if err := decodeArgs(call, &a); err != nil || a.Src == "" {
			return Fail(call.API, "parameter error: parameter.src should be String"), nil
		}
		b, err := readImage(f, a.Src)
		if err != nil {
			return Fail(call.API, err.Error()), nil
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
		if err != nil {
			return Fail(call.API, "image decode failed: "+err.Error()), nil
		}
		return OK(call.API, map[string]any{
			"width": cfg.Width, "height": cfg.Height, "path": a.Src, "orientation": "up", "type": format,
		}), nil
	})
	r.Register("compressImage", func(ctx context.Context, call Call) (Result, error) {
		a := struct {
			Src              string `json:"src"`
			Quality          *int   `json:"quality"`
			CompressedWidth  int    `json:"compressedWidth"`
			CompressedHeight int    `json:"compressedHeight"`
		}{}
		if err := decodeArgs(call, &a); err != nil || a.Src == "" {
			return Fail(call.API, "parameter error: parameter.src should be String"), nil
		}
		quality := 80
		if a.Quality != nil {
			quality = min(max(*a.Quality, 1), 100)
		}
		b, err := readImage(f, a.Src)
		if err != nil {
			return Fail(call.API, err.Error()), nil
		}
		img, _, err := image.Decode(bytes.NewReader(b))
		if err != nil {
			return Fail(call.API, "image decode failed: "+err.Error()), nil
		}
		w, h := compressedSize(img.Bounds().Dx(), img.Bounds().Dy(), a.CompressedWidth, a.CompressedHeight)
		var out bytes.Buffer
		if err := jpeg.Encode(&out, scale(img, w, h), &jpeg.Options{Quality: quality}); err != nil {
			return nil, fmt.Errorf("encoding the compressed image: %w", err)
		}
		path, err := f.TempFile(".jpg", out.Bytes())
		if err != nil {
			return nil, fmt.Errorf("writing the compressed image: %w", err)
		}
		return OK(call.API, map[string]any{"tempFilePath": path}), nil
	})
}

// readImage reads an image the mini-program names: a file of the sandbox (wxfile://) or
// of the code package ("/images/a.png").
func readImage(f *Files, src string) ([]byte, error) {
	if strings.HasPrefix(src, "http://") && !strings.HasPrefix(src, "http://usr/") || strings.HasPrefix(src, "https://") {
		return nil, fmt.Errorf("download %s first", src)
	}
	loc, err := resolve(src)
	if err == nil {
		var b []byte
		if b, err = f.readFile(loc); err == nil {
			return b, nil
		}
	}
	return nil, fmt.Errorf("file not found: %s", src)
}

// compressedSize is the size compressImage makes: the given width or height, the other
// keeping the aspect ratio; neither given keeps the size.
func compressedSize(w, h, cw, ch int) (int, int) {
	switch {
	case cw > 0 && ch > 0:
		return cw, ch
	case cw > 0:
		return cw, max(1, h*cw/w)
	case ch > 0:
		return max(1, w*ch/h), ch
	}
	return w, h
}

// scale resamples img to w×h by the nearest pixel: enough for a preview-sized copy.
func scale(img image.Image, w, h int) image.Image {
	b := img.Bounds()
	if b.Dx() == w && b.Dy() == h {
		return img
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			out.Set(x, y, img.At(b.Min.X+x*b.Dx()/w, b.Min.Y+y*b.Dy()/h))
		}
	}
	return out
}

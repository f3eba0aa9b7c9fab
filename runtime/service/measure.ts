// measureText measures text as a canvas in the page draws it: on an OffscreenCanvas of the
// Web Worker, in the same font (the browser's fonts; one loaded by loadFontFace into a page
// is not there, and falls back as a missing font does).

let measurer: OffscreenCanvasRenderingContext2D | undefined

export function measureText(text: string, font: string): TextMetrics {
  measurer ??= new OffscreenCanvas(1, 1).getContext('2d')!
  measurer.font = font
  return measurer.measureText(String(text))
}

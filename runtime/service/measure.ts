// measureText measures text as a canvas in the page draws it: on an OffscreenCanvas, which
// the Web Worker has, in the same font (the browser's fonts; one loaded by loadFontFace
// into a page is not there, and falls back as a missing font does).

let measurer: OffscreenCanvasRenderingContext2D | null | undefined

export function measureText(text: string, font: string): TextMetrics | { width: number } {
  if (measurer === undefined) measurer = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : null
  if (!measurer) return { width: estimate(text, font) }
  measurer.font = font
  return measurer.measureText(String(text))
}

// estimate is a width without a canvas: a wide character (CJK) is one em, any other about
// 0.55 em.
function estimate(text: string, font: string) {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 10)
  let w = 0
  for (const ch of String(text)) w += /[\u1100-\uffff]/.test(ch) ? size : size * 0.55
  return w
}

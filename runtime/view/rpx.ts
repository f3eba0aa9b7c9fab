// inlineRpx converts the rpx lengths of a style attribute (a template's `style`, WXS's
// setStyle), as the base library does for inline styles, into the CSS that compiled
// style sheets use (compiler/wxss's rpx): the width's 750th, floored to a whole px, and
// at least 1px for a positive length. The browser knows no rpx and would drop the
// declaration.
const RPX = /(^|[^\w.-])([+-]?(?:\d+\.?\d*|\.\d+))rpx(?![\w-])/g

export function inlineRpx(text: string): string {
  if (!text.includes('rpx')) return text
  return text.replace(RPX, (_m, before: string, num: string) => before + rpxCSS(Number(num)))
}

function rpxCSS(n: number): string {
  if (n === 0) return '0px'
  const px = `round(down, ${n} * 100vw / 750 + 0.0001px, 1px)`
  return n < 0 ? px : `max(1px, ${px})`
}

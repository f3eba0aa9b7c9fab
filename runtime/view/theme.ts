// The device's theme in the page: as on a phone, WXSS's (prefers-color-scheme: ...) asks
// the theme the simulator's device has (the device panel's), not the computer's. Each
// media rule that asks for it gets its query rewritten to one that always or never
// matches; the text as written is kept to rewrite it again when the theme changes.

const asWritten = new WeakMap<CSSMediaRule, string>()
const colorScheme = /\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)/gi
const ALWAYS = '(min-width: 0px)'
const NEVER = '(not (min-width: 0px))'

let theme = 'light'

// setTheme makes the page's sheets answer for theme ("light" or "dark").
export function setTheme(doc: Document, next: string) {
  theme = next === 'dark' ? 'dark' : 'light'
  for (const sheet of Array.from(doc.styleSheets)) themeSheet(sheet)
}

// themeSheet rewrites the color-scheme queries of a sheet that has just loaded.
export function themeSheet(sheet: CSSStyleSheet | null) {
  if (!sheet) return
  try {
    rewrite(sheet.cssRules)
  } catch {
    // A sheet from another origin keeps its rules to itself; none of the page's is one.
  }
}

function rewrite(rules: CSSRuleList) {
  for (const rule of Array.from(rules)) {
    if (rule instanceof CSSMediaRule) {
      const text = asWritten.get(rule) ?? rule.media.mediaText
      if (text.search(colorScheme) >= 0) {
        asWritten.set(rule, text)
        rule.media.mediaText = text.replace(colorScheme, (_, scheme: string) => (scheme.toLowerCase() === theme ? ALWAYS : NEVER))
      }
    }
    if ('cssRules' in rule) rewrite((rule as CSSGroupingRule).cssRules)
  }
}

Page({
  data: { log: '', lines: '', confirmed: '', focus: false },
  add(line) { this.setData({ log: (this.data.log + ' | ' + line).replace(/^ \| /, '') }) },
  onInput(e) { this.add(`input [${e.detail.value.replace(/\n/g, '\\n')}] ${e.detail.cursor}`) },
  onFocus(e) { this.add(`focus ${e.detail.height}`) },
  onBlur(e) { this.add(`blur [${e.detail.value.replace(/\n/g, '\\n')}]`) },
  onLines(e) { this.setData({ lines: `${e.detail.lineCount} ${e.detail.height > 0} ${e.detail.heightRpx > e.detail.height}` }) },
  onConfirm(e) { this.setData({ confirmed: `confirm [${e.detail.value}]` }) },
  noSpaces(e) { return e.detail.value.replace(/ /g, '_') },
  focus() { this.setData({ focus: true }) },
})

Page({
  data: { raw: 'a&nbsp;b&lt;c&gt;d&amp;e&apos;f&ensp;g&emsp;h&amp;lt;', spaced: 'a b  c' },
  change() { this.setData({ raw: 'x&lt;y', spaced: 'p q' }) },
})

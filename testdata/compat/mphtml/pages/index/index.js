// An article as a CMS would send it: headings, styled paragraphs, lists, a table, an
// image of the project, links and code.
const article = [
  '<h1>Release notes</h1>',
  '<p><a href="#details">Jump to the details</a></p>',
  '<p style="color: rgb(200, 0, 0); font-size: 18px">A <strong>bold</strong> and <em>italic</em> start.</p>',
  '<h2>What changed</h2>',
  '<ul><li>Faster pages</li><li>Smaller bundle</li></ul>',
  '<ol><li>Install</li><li>Build</li></ol>',
  '<table border="1"><thead><tr><th>Name</th><th>Size</th></tr></thead>',
  '<tbody><tr><td>core</td><td>12 KB</td></tr><tr><td>ui</td><td>30 KB</td></tr></tbody></table>',
  '<p>A picture: <img src="/images/photo.png" alt="photo" style="width: 120px"></p>',
  '<p>Read <a href="https://example.com/docs?page=1">the docs</a> or <a href="/pages/about/about?from=article">about us</a>.</p>',
  '<p>Call <code>wx.request()</code> with care.</p>',
  '<pre>if (a &lt; b) {\n  swap(a, b)\n}</pre>',
  '<div style="height: 1200px">(long text)</div>',
  '<h2 id="details">Details</h2><p>The fine print.</p>',
  '<div style="height: 800px">(more text)</div>'
].join('')

Page({
  data: { html: article, selectable: false, link: '', linkText: '', img: '', loads: 0, ready: '' },
  onLinkTap(e) {
    this.setData({ link: e.detail.href, linkText: e.detail.innerText })
  },
  onImgTap(e) {
    this.setData({ img: e.detail.src })
  },
  onLoad2() {
    this.setData({ loads: this.data.loads + 1 })
  },
  onReady2(e) {
    this.setData({ ready: e.detail.height > 0 ? 'sized' : 'unsized' })
  },
  toggleSelect() {
    this.setData({ selectable: !this.data.selectable })
  },
  next() {
    this.setData({ html: '<h1>Second article</h1><p>Only <span style="text-decoration: underline">this</span> now.</p>' })
  }
})

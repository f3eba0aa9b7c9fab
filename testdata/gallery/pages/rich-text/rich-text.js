Page({
  data: {
    html: '<div class="box" style="color: rgb(255, 0, 0)" id="bad" onclick="alert(1)">Hello&nbsp;<b>World</b><script>window.bad = 1</script><iframe src="/static/hello.html"></iframe><img src="/static/poster.png" width="40" onerror="window.bad = 2"></div><h11>gone</h11><ol start="3" type="a"><li>third</li></ol>',
    nodes: [
      { name: 'p', attrs: { class: 'para', style: 'font-weight: bold' }, children: [{ type: 'text', text: 'A&lt;B' }] },
      { name: 'script', children: [{ type: 'text', text: 'x' }] },
      { name: 'SPAN', attrs: { id: 'no', title: 'no', class: 'sp' }, children: [{ type: 'text', text: '!' }] },
      { name: 'table', attrs: { width: '100', border: '1' }, children: [{ name: 'tr', children: [{ name: 'td', attrs: { colspan: '2' }, children: [{ type: 'text', text: 'cell' }] }] }] },
    ],
    spaced: [{ type: 'text', text: 'a  b' }],
  },
})

// A thousand rows through miniprogram-recycle-view: only those near the screen are made.
const createRecycleContext = require('miniprogram-recycle-view')

Page({
  onReady() {
    const ctx = createRecycleContext({ id: 'recycleId', dataKey: 'recycleList', page: this, itemSize: { width: 390, height: 40 } })
    const list = []
    for (let i = 0; i < 1000; i++) list.push({ id: i, idx: i, title: 'item ' + i })
    ctx.append(list)
  },
})

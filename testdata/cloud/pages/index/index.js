// Calls wx.cloud and shows each answer; the test (e2e/cloud_test.go) reads them.
const show = (e) => (e && e.errCode !== undefined ? e.errCode + ' ' + e.errMsg : String(e))

Page({
  data: {},
  onLoad() {
    getApp().globalData.beforeInit.then((before) => this.setData({ before }))
    this.run()
  },
  async run() {
    wx.cloud.callFunction({ name: 'add', data: { x: 1, y: 2 } }).then((r) =>
      this.setData({ fn: r.errMsg + ' ' + r.result.sum + ' ' + (r.requestID ? 'id' : 'no id') }))
    wx.cloud.callFunction({
      name: 'add',
      success: (r) => this.setData({ fnCb: 'success ' + r.result.sum }),
      fail: (e) => this.setData({ fnCb: 'fail ' + show(e) }),
    })
    wx.cloud.callFunction({ name: 'nope' }).catch((e) => this.setData({ missing: (e instanceof Error) + ' ' + show(e) }))
    wx.cloud.callFunction({ name: 'broken' }).catch((e) => this.setData({ broken: show(e) }))
    wx.cloud.callContainer({ path: '/api/hello' }).then((r) => this.setData({ container: r.errMsg + ' ' + r.statusCode + ' ' + r.data.hi }))
    const other = new wx.cloud.Cloud({ resourceEnv: 'other-env' })
    await other.init()
    other.callFunction({ name: 'add' }).then((r) => this.setData({ instance: 'instance ' + r.result.sum }))

    const db = wx.cloud.database()
    const _ = db.command
    const todos = db.collection('todos')
    const open = await todos.where({ done: false }).orderBy('priority', 'desc').get()
    this.setData({ open: open.errMsg + ' ' + open.data.map((d) => d.title).join(',') })
    const added = await todos.add({ data: { title: 'tea', done: false, priority: 5, at: db.serverDate() } })
    this.setData({ added: added.errMsg + ' ' + (added._id ? 'id' : 'no id') })
    const after = await todos.where({ priority: _.gte(2), 'meta.tag': _.neq('home') }).field({ title: true }).get()
    this.setData({ after: after.data.map((d) => d.title).sort().join(',') + ' ' + Object.keys(after.data[0]).sort().join('+') })
    const updated = await todos.doc('t1').update({ data: { done: true, priority: _.inc(10) } })
    const doc = await todos.doc('t1').get()
    this.setData({
      updated: updated.errMsg + ' ' + updated.stats.updated,
      doc: doc.errMsg + ' ' + doc.data.title + ' ' + doc.data.done + ' ' + doc.data.priority,
    })
    const count = await todos.where(_.or([{ done: true }, { title: _.in(['tea']) }])).count()
    this.setData({ count: count.errMsg + ' ' + count.total })
    db.collection('nothere').get().catch((e) => this.setData({ nocoll: show(e) }))
  },
})

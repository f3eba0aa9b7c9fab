// The official miniprogram-automator client driving mpsim, as a team's own suite would.
// e2e/automator_test.go runs it twice: through automator.launch (MPSIM_MODE=launch, with
// MPSIM_CLI as cliPath) and through automator.connect to a running `mpsim auto`
// (MPSIM_MODE=connect, MPSIM_WS). MPSIM_PROJECT is the testdata/automator app.
'use strict'
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const automator = require('miniprogram-automator')

const mode = process.env.MPSIM_MODE || 'launch'
let mp
const timings = {}

// eventually retries a check until it holds or time runs out: the page changes after the
// service layer answered.
async function eventually(check, ms = 5000) {
  const end = Date.now() + ms
  for (;;) {
    try {
      return await check()
    } catch (err) {
      if (Date.now() > end) throw err
      await new Promise((r) => setTimeout(r, 50))
    }
  }
}

async function textOf(page, selector) {
  const el = await page.$(selector)
  assert.ok(el, `no element ${selector}`)
  return el.text()
}

before(async () => {
  const t0 = Date.now()
  if (mode === 'connect') {
    mp = await automator.connect({ wsEndpoint: process.env.MPSIM_WS })
  } else {
    mp = await automator.launch({
      cliPath: process.env.MPSIM_CLI,
      projectPath: process.env.MPSIM_PROJECT,
      port: Number(process.env.MPSIM_AUTO_PORT || 9420),
      // Official flags mpsim accepts and ignores.
      trustProject: true,
      args: [],
    })
  }
  timings.connect = Date.now() - t0
  // The client's own fixed waits, the floor of the suite's wall time (docs/bench.md).
  timings.clientSleepMs = mode === 'connect' ? 0 : 5000
  for (const name of ['navigateTo', 'redirectTo', 'navigateBack', 'reLaunch', 'switchTab']) {
    const original = mp[name].bind(mp)
    mp[name] = (...args) => {
      timings.clientSleepMs += 3000
      return original(...args)
    }
  }
})

after(async () => {
  if (mp) await mp.close()
  if (process.env.MPSIM_TIMINGS) require('fs').writeFileSync(process.env.MPSIM_TIMINGS, JSON.stringify(timings))
})

test('the current page and the page stack', async () => {
  const page = await mp.currentPage()
  assert.equal(page.path, 'pages/index/index')
  assert.deepEqual(page.query, {})
  const stack = await mp.pageStack()
  assert.equal(stack.length, 1)
  assert.equal(stack[0].id, page.id)
})

test('page data: read with and without a path, write with setData', async () => {
  const page = await mp.currentPage()
  const data = await page.data()
  assert.equal(data.title, 'Automator')
  assert.equal(await page.data('nested.list[1].name'), 'second')
  await page.setData({ title: 'Changed' })
  assert.equal(await textOf(page, '.title'), 'Changed')
  await page.setData({ title: 'Automator' })
})

test('elements: queries, text, attributes, styles, wxml, offset and size', async () => {
  const page = await mp.currentPage()
  const title = await page.$('#title')
  assert.equal(title.tagName, 'view')
  assert.equal(await title.text(), 'Automator')
  assert.equal(await title.attribute('class'), 'title')
  assert.equal(await page.$('.nothing-here'), null)
  const rows = await page.$$('scroll-view .row')
  assert.equal(rows.length, 8)
  assert.equal(await rows[2].text(), 'row 3')
  // The same element is the same Element object for the life of the page.
  assert.equal(await page.$('#title'), title)
  const styled = await page.$('.styled')
  assert.equal(await styled.style('color'), 'rgb(255, 0, 0)')
  const size = await styled.size()
  assert.equal(size.width, 120)
  assert.ok(size.height > 0)
  const offset = await styled.offset()
  assert.ok(offset.top > 0, JSON.stringify(offset))
  assert.equal(await title.outerWxml(), '<view class="title" id="title">Automator</view>')
  assert.equal(await title.wxml(), 'Automator')
  const byXpath = await page.xpath('//view[@class="title"]')
  assert.equal(byXpath, title)
  const all = await page.getElementsByXpath('//scroll-view/view')
  assert.equal(all.length, 8)
  const [w, h] = [(await page.size()).width, (await page.size()).height]
  assert.ok(w > 0 && h > 0)
})

test('tap, long press, touches and events', async () => {
  const page = await mp.currentPage()
  const count = await page.$('.count')
  await count.tap()
  assert.equal(await count.text(), 'count: 1')
  await count.tap()
  assert.equal(await page.data('count'), 2)
  await (await page.$('.long')).longpress()
  await eventually(async () => assert.equal(await textOf(page, '.long'), 'long: 1'))
  const touch = await page.$('.touch')
  await touch.touchstart({ touches: [], changedTouches: [] })
  await touch.touchend({ touches: [], changedTouches: [] })
  await eventually(async () => assert.equal(await textOf(page, '.touch'), 'touches: 2'))
  await (await page.$('.custom')).trigger('hello', { who: 'automator' })
  await eventually(async () => assert.equal(await textOf(page, '.custom'), 'hello: automator'))
})

test('built-in components: input, switch, slider, scroll-view, swiper', async () => {
  const page = await mp.currentPage()
  const input = await page.$('.name')
  await input.input('typed text')
  await eventually(async () => assert.equal(await textOf(page, '.typed'), 'typed: typed text'))
  assert.equal(await input.value(), 'typed text')
  assert.equal(await input.property('placeholder'), 'name')
  await (await page.$('.sw')).tap()
  await eventually(async () => assert.equal(await textOf(page, '.sw-state'), 'switch: true'))
  await (await page.$('.sl')).slideTo(60)
  await eventually(async () => assert.equal(await page.data('level'), 60))
  const sv = await page.$('.sv')
  await sv.scrollTo(0, 100)
  await eventually(async () => assert.equal(await sv.property('scrollTop'), 100))
  await eventually(async () => assert.equal(await textOf(page, '.scrolled'), 'scrolled: 100'))
  assert.ok((await sv.scrollHeight()) >= 320)
  await (await page.$('.sp')).swipeTo(2)
  await eventually(async () => assert.equal(await textOf(page, '.swiped'), 'swiper: 2'))
})

test('movable-view, video, dispatched events, child queries', async () => {
  const page = await mp.currentPage()
  const mv = await page.$('.mv')
  await mv.moveTo(40, 30)
  await eventually(async () => assert.equal(await textOf(page, '.moved'), 'moved: 40,30'))
  assert.equal(await mv.property('x'), 40)
  assert.equal(await mv.property('y'), 30)
  const video = await page.$('#vid')
  assert.ok(video.videoId, 'a video is a ContextElement')
  await video.callContextMethod('seek', 0)
  await video.callContextMethod('pause')
  await assert.rejects(video.callContextMethod('fly'), /no method fly/)
  await (await page.$('.dispatched')).dispatchEvent({ eventName: 'ping', detail: { n: 7 }, touches: [{ identifier: 0, pageX: 1, pageY: 2, clientX: 1, clientY: 2 }] })
  await eventually(async () => assert.equal(await textOf(page, '.dispatched'), 'ping: ping:7:1'))
  const sv = await page.$('.sv')
  assert.equal((await sv.$$('.row')).length, 8)
  assert.equal(await (await sv.$('.row')).text(), 'row 1')
  const touch = await page.$('.touch')
  await touch.touchstart({ touches: [{ identifier: 0, clientX: 10, clientY: 10, pageX: 10, pageY: 10 }] })
  await touch.touchmove({ touches: [{ identifier: 0, clientX: 40, clientY: 10, pageX: 40, pageY: 10 }] })
  await touch.touchend({ changedTouches: [{ identifier: 0, clientX: 40, clientY: 10, pageX: 40, pageY: 10 }] })
})

test('page scrolling and waiting for elements', async () => {
  const page = await mp.currentPage()
  await mp.pageScrollTo(300)
  await eventually(async () => assert.equal(await page.scrollTop(), 300))
  assert.ok((await page.windowProperty('document.documentElement.scrollHeight')) > 2000)
  await mp.pageScrollTo(0)
  setTimeout(() => page.setData({ late: true }), 200)
  await page.waitFor(async () => (await page.data('late')) === true)
  await page.waitFor('.spacer')
})

test('custom components: data, setData, methods, and >>> into them', async () => {
  const page = await mp.currentPage()
  const box = await page.$('counter-box')
  assert.ok(box.nodeId, 'a custom component is a CustomElement')
  assert.equal(await box.property('label'), 'box')
  assert.equal(await page.$('.inner'), null, 'a component tree is not searched without >>>')
  const inner = await page.$('counter-box >>> .inner')
  assert.equal(await inner.text(), 'box: 0')
  assert.equal(await box.$('.inner'), inner)
  await (await box.$('.bump')).tap()
  await eventually(async () => assert.equal(await textOf(page, '.bumped'), 'bumped: 1'))
  assert.deepEqual(await box.data('value'), 1)
  await box.setData({ value: 7 })
  assert.equal(await inner.text(), 'box: 7')
  assert.equal(await box.callMethod('reset', 3), 'reset')
  assert.equal(await box.data('value'), 3)
  assert.equal(await page.callMethod('double', 21), 42)
})

test('wx methods: call, mock with a result and a function, restore', async () => {
  const info = await mp.systemInfo()
  assert.ok(info.windowWidth > 0)
  assert.ok(info.SDKVersion)
  await mp.callWxMethod('setStorageSync', 'auto-key', { n: 1 })
  assert.deepEqual(await mp.callWxMethod('getStorageSync', 'auto-key'), { n: 1 })
  const res = await mp.callWxMethod('getStorage', { key: 'auto-key' })
  assert.deepEqual(res.data, { n: 1 })
  await assert.rejects(mp.callWxMethod('getStorage', { key: 'no-such-key' }), /getStorage:fail/)

  await mp.mockWxMethod('getStorageSync', 'mocked')
  assert.equal(await mp.callWxMethod('getStorageSync', 'auto-key'), 'mocked')
  await mp.mockWxMethod('getStorageSync', function (key, fallback) {
    return key === 'auto-key' ? this.origin(key) : fallback
  }, 'fallback')
  assert.deepEqual(await mp.callWxMethod('getStorageSync', 'auto-key'), { n: 1 })
  assert.equal(await mp.callWxMethod('getStorageSync', 'other'), 'fallback')
  await mp.mockWxMethod('getSystemInfo', { platform: 'mocked-os' })
  assert.equal((await mp.callWxMethod('getSystemInfo')).platform, 'mocked-os')
  await mp.restoreWxMethod('getStorageSync')
  await mp.restoreWxMethod('getSystemInfo')
  assert.equal(await mp.callWxMethod('getStorageSync', 'other'), '')
  assert.notEqual((await mp.callWxMethod('getSystemInfo')).platform, 'mocked-os')
})

test('evaluate in the app, and functions exposed to it', async () => {
  assert.equal(await mp.evaluate(() => getApp().globalData.launched), true)
  assert.equal(await mp.evaluate((a, b) => a + b, 2, 3), 5)
  assert.equal(await mp.evaluate(() => getCurrentPages().length), 1)
  const called = new Promise((resolve) => mp.exposeFunction('onAutomatorTest', (...args) => resolve(args)))
  await new Promise((r) => setTimeout(r, 100))
  await mp.evaluate(() => onAutomatorTest('from', 'app'))
  assert.deepEqual(await called, ['from', 'app'])
})

test('console and exception events', async () => {
  const page = await mp.currentPage()
  const logged = new Promise((resolve) => mp.on('console', (msg) => {
    if (msg.args && msg.args[0] === 'hello from the page') resolve(msg)
  }))
  const thrown = new Promise((resolve) => mp.on('exception', resolve))
  await new Promise((r) => setTimeout(r, 100)) // App.enableLog is sent by on('console')
  await (await page.$('.log')).tap()
  const msg = await logged
  assert.equal(msg.type, 'log')
  assert.deepEqual(msg.args[1], { n: 1 })
  await (await page.$('.boom')).tap()
  const ex = await thrown
  assert.match(ex.message, /boom from the page/)
})

test('a screenshot is a PNG of the simulator', async () => {
  const data = await mp.screenshot()
  const png = Buffer.from(data, 'base64')
  assert.equal(png.subarray(1, 4).toString(), 'PNG')
  assert.ok(png.length > 1000)
})

test('native actions: a modal answered by confirm and by cancel', async () => {
  const page = await mp.currentPage()
  await (await page.$('.ask')).tap()
  await mp.native().confirmModal()
  await eventually(async () => assert.equal(await textOf(page, '.answer'), 'answer: yes'))
  await (await page.$('.ask')).tap()
  await mp.native().cancelModal()
  await eventually(async () => assert.equal(await textOf(page, '.answer'), 'answer: no'))
  await assert.rejects(mp.native().confirmModal(), /no modal is open/)
})

test('native actions: the authorize, payment and share dialogs', async () => {
  const page = await mp.currentPage()
  const dialog = (want) => eventually(async () => assert.equal(await textOf(page, '.dialog'), `dialog: ${want}`))
  await (await page.$('.auth')).tap()
  await eventually(() => mp.native().authorizeCancel())
  await dialog('authorize:fail auth deny')
  await (await page.$('.pay')).tap()
  await eventually(() => mp.native().closePaymentDialog())
  await dialog('requestPayment:fail cancel')
  await (await page.$('.share-image')).tap()
  await eventually(() => mp.native().shareConfirm())
  await dialog('showShareImageMenu:ok')
  await (await page.$('.share-image')).tap()
  await eventually(() => mp.native().shareCancel())
  await dialog('showShareImageMenu:fail cancel')
  await assert.rejects(mp.native().authorizeAllow(), /not open/)
})

test('routing: navigateTo, back, switchTab, reLaunch, and the native back and tab', async () => {
  let page = await mp.navigateTo('/pages/detail/detail?from=automator')
  assert.equal(page.path, 'pages/detail/detail')
  assert.deepEqual(page.query, { from: 'automator' })
  assert.equal(await textOf(page, '.detail'), 'detail from automator')
  assert.equal((await mp.pageStack()).length, 2)
  await mp.native().navigateLeft()
  page = await eventually(async () => {
    const p = await mp.currentPage()
    assert.equal(p.path, 'pages/index/index')
    return p
  })
  // The page kept its state.
  assert.equal(await page.data('count'), 2)
  page = await mp.switchTab('/pages/tab/tab')
  assert.equal(page.path, 'pages/tab/tab')
  assert.equal(await textOf(page, '.tab'), 'tab page 2')
  // The tab page left behind keeps its state but is not in the stack, as on a phone.
  assert.deepEqual((await mp.pageStack()).map((p) => p.path), ['pages/tab/tab'])
  assert.equal(await mp.evaluate(() => getCurrentPages().length), 1)
  await mp.native().switchTab({ url: '/pages/index/index' })
  await eventually(async () => assert.equal((await mp.currentPage()).path, 'pages/index/index'))
  page = await mp.reLaunch('/pages/detail/detail?from=relaunch')
  assert.equal(await textOf(page, '.detail'), 'detail from relaunch')
  assert.equal((await mp.pageStack()).length, 1)
  await mp.native().goHome()
  await eventually(async () => assert.equal((await mp.currentPage()).path, 'pages/index/index'))
  const back = await mp.callWxMethod('navigateBack').catch((e) => e)
  assert.match(String(back && back.message), /cannot navigate back/)
})

// The figures of docs/bench.md: one Element.tap (to the page and back, the page updated)
// against Tool.getInfo, which the automation port answers itself: the protocol's floor.
test('round trips: Element.tap against Tool.getInfo', async () => {
  const page = await mp.currentPage()
  const count = await page.$('.count')
  const median = async (f) => {
    const times = []
    for (let i = 0; i < 21; i++) {
      const t0 = process.hrtime.bigint()
      await f()
      times.push(Number(process.hrtime.bigint() - t0) / 1e6)
    }
    times.sort((a, b) => a - b)
    return times[10]
  }
  timings.getInfoMedianMs = await median(() => mp.send('Tool.getInfo'))
  const before = await page.data('count')
  timings.tapMedianMs = await median(() => count.tap())
  assert.equal(await page.data('count'), before + 21)
})

test('unsupported tool methods fail clearly', async () => {
  await assert.rejects(mp.testAccounts(), /not supported by mpsim/)
})

// The simulator shell (controller): it starts the service layer in a Web Worker, owns the
// page iframes (the page stack), and answers the APIs that need the screen.
'use strict'
;(async function main() {
  const session = (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2)).replace(/[^A-Za-z0-9_-]/g, '')
  const cfg = await (await fetch('/app-config.json')).json()
  const device = cfg.device
  const deviceEl = document.getElementById('device')
  deviceEl.style.width = device.screenWidth + 'px'
  deviceEl.style.height = device.screenHeight + 'px'
  document.getElementById('status-bar').style.height = device.statusBarHeight + 'px'
  document.getElementById('app-name').textContent = cfg.projectName || 'mpsim'

  // The socket to the hub, as the controller.
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  const outbox = []
  let ws = null
  function connect() {
    ws = new WebSocket(`${scheme}//${location.host}/ws/controller?session=${session}`)
    ws.onopen = () => { while (outbox.length) ws.send(outbox.shift()) }
    ws.onmessage = (e) => onFrame(JSON.parse(e.data))
    ws.onclose = () => setTimeout(connect, 200)
  }
  function send(frame) {
    const s = JSON.stringify(frame)
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(s)
    else outbox.push(s)
  }
  connect()

  const overlay = document.getElementById('error-overlay')
  function showError(text) {
    document.getElementById('error-text').textContent = text
    overlay.hidden = false
  }
  // onBuild follows the server's rebuilds: errors show over the device (the last good
  // build keeps running under them), a good build hides them, and a change other than
  // style sheets (which the pages swap in place) relaunches the app.
  function onBuild(build) {
    if (build.errors && build.errors.length) {
      showError(build.errors.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}` +
        (d.frame ? '\n' + d.frame : '') + (d.hint ? '\n  hint: ' + d.hint : '')).join('\n\n'))
      return
    }
    overlay.hidden = true
    if (build.relaunch) location.reload()
  }

  const worker = new Worker(`/runtime/service.js?session=${session}`)
  worker.onerror = (e) => showError(`service layer: ${e.message}`)

  // ---- The page stack. Each page is an iframe; only the top one is shown. ----
  const allPages = new Set(cfg.allPages || cfg.pages || [])
  const tabPages = ((cfg.tabBar && cfg.tabBar.list) || []).map((t) => stripPath(t.pagePath))
  const MAX_PAGES = 10
  let stack = [] // { webviewId, path, frame }
  let nextWebviewId = 1

  function stripPath(p) {
    return String(p || '').replace(/^\//, '').replace(/\.html$/, '')
  }

  // parseURL resolves a route url against the top page ("../logs/logs?id=1").
  function parseURL(url) {
    const [rawPath, rawQuery = ''] = String(url).split('?')
    let parts
    if (rawPath.startsWith('/')) parts = []
    else {
      parts = stack.length ? stack[stack.length - 1].path.split('/') : []
      parts.pop()
    }
    for (const seg of rawPath.split('/')) {
      if (seg === '' || seg === '.') continue
      if (seg === '..') parts.pop()
      else parts.push(seg)
    }
    const query = {}
    for (const pair of rawQuery.split('&')) {
      if (!pair) continue
      const i = pair.indexOf('=')
      const k = i < 0 ? pair : pair.slice(0, i)
      const v = i < 0 ? '' : pair.slice(i + 1)
      try { query[decodeURIComponent(k)] = decodeURIComponent(v) } catch { query[k] = v }
    }
    return { path: stripPath(parts.join('/')), query }
  }

  // createFrame gives a page its iframe. The frame was made and loaded beforehand where
  // possible (as a phone keeps a webview preloaded), so that opening a page does not wait
  // for the page layer to load; the next spare is made once the browser is idle.
  let spare = null
  function createFrame(path) {
    const page = spare || newFrame()
    spare = null
    page.path = path
    page.frame.dataset.path = path
    page.frame.dataset.reachBottom = String(windowOf({ path }).onReachBottomDistance ?? 50)
    const idle = window.requestIdleCallback || ((f) => setTimeout(f, 50))
    idle(() => { spare = spare || newFrame() })
    return page
  }

  function newFrame() {
    const webviewId = nextWebviewId++
    const frame = document.createElement('iframe')
    frame.className = 'page'
    frame.style.visibility = 'hidden'
    frame.dataset.webviewId = String(webviewId)
    frame.src = `/page-frame.html?session=${session}&webview=${webviewId}`
    document.getElementById('pages').appendChild(frame)
    return { webviewId, path: '', frame }
  }

  // windowOf is the window of a page: app.json's window under the page's .json, and what
  // setNavigationBarTitle/Color set while it is open.
  function windowOf(page) {
    return Object.assign({}, cfg.window || {}, (cfg.pageWindows || {})[page.path] || {}, page.window || {})
  }

  function showTop() {
    stack.forEach((p, i) => { p.frame.style.visibility = i === stack.length - 1 ? 'visible' : 'hidden' })
    const top = stack[stack.length - 1]
    if (!top) return
    const win = windowOf(top)
    const nav = document.getElementById('nav-bar')
    const status = document.getElementById('status-bar')
    nav.hidden = win.navigationStyle === 'custom'
    document.getElementById('nav-title').textContent = win.navigationBarTitleText || ''
    // The phone's defaults: a black bar with white text.
    const bg = win.navigationBarBackgroundColor || '#000000'
    const fg = (win.navigationBarTextStyle || 'white') === 'white' ? '#ffffff' : '#000000'
    nav.style.background = status.style.background = bg
    nav.style.color = fg
    renderTabBar(top)
  }

  // The tabBar: shown on tab pages, a tap on an item switches to it.
  const tabBarEl = document.getElementById('tab-bar')
  function renderTabBar(top) {
    const tb = cfg.tabBar
    const onTab = tb && tb.list && tabPages.includes(top.path) && !tb.custom
    tabBarEl.hidden = !onTab
    if (!onTab) return
    tabBarEl.textContent = ''
    tabBarEl.style.background = tb.backgroundColor || '#ffffff'
    tb.list.forEach((item, index) => {
      const path = stripPath(item.pagePath)
      const el = document.createElement('div')
      el.className = 'tab-item'
      el.dataset.path = path
      el.textContent = item.text || path
      el.style.color = path === top.path ? (tb.selectedColor || '#07c160') : (tb.color || '#7a7e83')
      // A tap switches to the tab (unless it is shown), then the tab's page hears
      // onTabItemTap, as on a phone.
      el.onclick = () => {
        if (path !== stack[stack.length - 1].path) route('switchTab', { url: '/' + path })
        send({ command: 'APPSERVICE_ON_EVENT', data: { eventName: 'onTabItemTap',
          data: { index, pagePath: path, text: item.text || '' } } })
      }
      tabBarEl.appendChild(el)
    })
  }

  function setNavigationBar(api, args) {
    const top = stack[stack.length - 1]
    if (!top) return `${api}:fail no page`
    top.window = top.window || {}
    if (api === 'setNavigationBarTitle') top.window.navigationBarTitleText = String(args.title ?? '')
    else {
      if (args.frontColor) top.window.navigationBarTextStyle = args.frontColor === '#ffffff' ? 'white' : 'black'
      if (args.backgroundColor) top.window.navigationBarBackgroundColor = args.backgroundColor
    }
    showTop()
    return `${api}:ok`
  }

  function removePage(p) {
    p.frame.remove()
  }

  function appRoute(openType, page, query, extra) {
    send({ command: 'APPSERVICE_ON_EVENT', data: { eventName: 'onAppRoute',
      data: Object.assign({ path: page.path, query, webviewId: page.webviewId, openType }, extra || {}) } })
  }

  // route performs one routing API; it returns the errMsg.
  function route(api, args) {
    if (api === 'navigateBack') {
      if (stack.length <= 1) return 'navigateBack:fail cannot navigate back at first page.'
      const delta = Math.max(1, Math.min(Number(args.delta) || 1, stack.length - 1))
      for (let i = 0; i < delta; i++) removePage(stack.pop())
      const top = stack[stack.length - 1]
      appRoute('navigateBack', top, {}, { delta })
      showTop()
      return 'navigateBack:ok'
    }
    if (typeof args.url !== 'string' || !args.url) return `${api}:fail parameter error: parameter.url should be String`
    const { path, query } = parseURL(args.url)
    if (!allPages.has(path)) {
      send({ command: 'APPSERVICE_ON_EVENT', data: { eventName: 'onPageNotFound', data: { path, query, isEntryPage: false } } })
      return `${api}:fail page "${path}" is not found`
    }
    const isTab = tabPages.includes(path)
    if ((api === 'navigateTo' || api === 'redirectTo') && isTab) return `${api}:fail can not ${api} a tabbar page`
    if (api === 'switchTab' && !isTab) return 'switchTab:fail can not switch to no-tabBar page'
    switch (api) {
      case 'navigateTo': {
        if (stack.length >= MAX_PAGES) return 'navigateTo:fail webview count limit exceed'
        const page = createFrame(path)
        stack.push(page)
        appRoute('navigateTo', page, query)
        break
      }
      case 'redirectTo': {
        const old = stack.pop()
        if (old) removePage(old)
        const page = createFrame(path)
        stack.push(page)
        appRoute('redirectTo', page, query)
        break
      }
      case 'reLaunch': {
        stack.forEach(removePage)
        const page = createFrame(path)
        stack = [page]
        appRoute('reLaunch', page, query)
        break
      }
      case 'switchTab': {
        // Non-tab pages go; a tab page opened before is kept and shown again.
        stack.filter((p) => !tabPages.includes(p.path)).forEach(removePage)
        stack = stack.filter((p) => tabPages.includes(p.path))
        let page = stack.find((p) => p.path === path)
        if (page) stack = stack.filter((p) => p !== page).concat([page])
        else stack.push((page = createFrame(path)))
        appRoute('switchTab', page, {})
        break
      }
    }
    showTop()
    return `${api}:ok`
  }

  const shellAPIs = {
    navigateTo: route, redirectTo: route, navigateBack: route, switchTab: route, reLaunch: route,
    setNavigationBarTitle: setNavigationBar, setNavigationBarColor: setNavigationBar,
  }

  function onFrame(f) {
    if (f.command === 'HUB_ERROR') {
      console.error('[mpsim] hub:', f.data)
      return
    }
    if (f.command === 'SHELL_ON_EVENT' && f.data && f.data.eventName === 'onBuild') {
      onBuild(f.data.data)
      return
    }
    if (f.command === 'APPSERVICE_INVOKE' || f.command === 'WEBVIEW_INVOKE') {
      const { api, args = {}, callbackID } = f.data || {}
      const handler = shellAPIs[api]
      let errMsg
      try {
        errMsg = handler ? handler(api, args) : `${api}:fail not supported in simulator`
      } catch (err) {
        errMsg = `${api}:fail ${err && err.message}`
      }
      const reply = f.command === 'APPSERVICE_INVOKE'
        ? { command: 'APPSERVICE_INVOKE_CALLBACK', data: { callbackID, res: { errMsg } } }
        : { command: 'WEBVIEW_INVOKE_CALLBACK', webviewID: f.fromWebviewID, data: { callbackID, res: { errMsg } } }
      send(reply)
    }
  }

  window.__mpsim = {
    session,
    stack: () => stack.map((p) => ({ webviewId: p.webviewId, path: p.path })),
    back: () => route('navigateBack', { delta: 1 }), // the navigation bar's back button, for now
  }

  // Launch: the entry page, or the one the address names (/?page=pages/a/a&id=1), as the
  // official tools' compile mode sets a launch page and query.
  const params = new URLSearchParams(location.search)
  const launchPage = params.get('page')
  params.delete('page')
  const entry = parseURL('/' + (launchPage || cfg.entryPagePath) + (launchPage && params.toString() ? '?' + params : ''))
  const first = createFrame(entry.path)
  stack.push(first)
  appRoute('appLaunch', first, entry.query)
  showTop()
})()

// The simulator shell (controller): it starts the service layer in a Web Worker, owns the
// page iframes (the page stack), and answers the APIs that need the screen.
'use strict'
;(async function main() {
  const params = new URLSearchParams(location.search)
  // A session of its own per tab; `mpsim auto` names the one its automation port drives.
  const session = (params.get('session') || (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2))).replace(/[^A-Za-z0-9_-]/g, '')
  const cfg = await (await fetch('/app-config.json?session=' + session)).json()
  document.getElementById('app-name').textContent = cfg.projectName || 'mpsim'
  // theme is the device's (the device panel picks it): it chooses the
  // values of theme.json's "@name" variables and the pages' prefers-color-scheme.
  let theme = cfg.deviceTheme === 'dark' ? 'dark' : 'light'

  // The device: ?device=<model>, else the last one picked here, else the default. The
  // server answers getSystemInfo for it, so it is chosen before the service layer starts.
  const devices = cfg.devices || [cfg.device]
  const wanted = params.get('device') || localStorage.getItem('mpsim.device') || cfg.device.model
  const device = devices.find((d) => d.model === wanted) || cfg.device
  await fetch('/session/device', { method: 'POST', body: JSON.stringify({ session, model: device.model }) })
  const deviceEl = document.getElementById('device')
  deviceEl.style.width = device.screenWidth + 'px'
  deviceEl.style.height = device.screenHeight + 'px'
  document.getElementById('status-bar').style.height = device.statusBarHeight + 'px'
  const picker = document.getElementById('device-picker')
  for (const d of devices) picker.add(new Option(d.model, d.model, false, d.model === device.model))
  // Another device relaunches the app on it, as the official tools do.
  picker.onchange = () => {
    localStorage.setItem('mpsim.device', picker.value)
    params.delete('device')
    location.search = params.toString()
  }
  const zoom = document.getElementById('zoom')
  zoom.value = localStorage.getItem('mpsim.zoom') || '100'
  const applyZoom = () => {
    deviceEl.style.transform = zoom.value === '100' ? '' : `scale(${Number(zoom.value) / 100})`
    deviceEl.style.transformOrigin = 'top center'
  }
  zoom.onchange = () => { localStorage.setItem('mpsim.zoom', zoom.value); applyZoom() }
  applyZoom()
  document.getElementById('reload').onclick = () => location.reload()

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
    hideAppError()
    if (build.relaunch) relaunchKeepingStack()
  }

  // An exception in the app's code shows over the bottom of the device (the latest one,
  // with how many came) until dismissed or until the next good build.
  const appError = document.getElementById('app-error')
  let appErrors = 0
  function showAppError(e) {
    appErrors++
    document.getElementById('app-error-text').textContent =
      `${e.where}: ${e.message}${appErrors > 1 ? ` (${appErrors} errors)` : ''}\n${String(e.stack || '').split('\n').slice(1, 6).join('\n')}`
    appError.hidden = false
  }
  function hideAppError() {
    appErrors = 0
    appError.hidden = true
  }
  document.getElementById('app-error-close').onclick = hideAppError
  // A broken mpsim.mock.json shows from the start, as after a save.
  if (cfg.mockErrors && cfg.mockErrors.length) onBuild({ errors: cfg.mockErrors })

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
  // for the page layer to load. The next spare is made once the page has rendered (its
  // page layer fires mpsim-rendered on the frame) and the browser is idle: loading a frame
  // while the page is being built would take the cores that build it.
  let spare = null
  function createFrame(path, query) {
    const page = spare || newFrame()
    spare = null
    page.path = path
    page.query = query || {}
    page.frame.dataset.path = path
    setFrameWindow(page)
    const idle = window.requestIdleCallback || ((f) => setTimeout(f, 50))
    const makeSpare = () => { clearTimeout(late); idle(() => { spare = spare || newFrame() }) }
    const late = setTimeout(makeSpare, 1000) // a page that does not render
    page.frame.addEventListener('mpsim-rendered', makeSpare, { once: true })
    return page
  }

  // setFrameWindow puts the page's window settings that its page layer reads on the iframe.
  function setFrameWindow(page) {
    const win = windowOf(page)
    Object.assign(page.frame.dataset, {
      reachBottom: String(win.onReachBottomDistance ?? 50),
      pullDown: String(!!win.enablePullDownRefresh),
      backgroundColor: win.backgroundColor || '#ffffff',
      backgroundTextStyle: win.backgroundTextStyle || 'dark',
    })
  }

  // setBackground answers setBackgroundColor and setBackgroundTextStyle for the page on top.
  function setBackground(api, args) {
    const top = stack[stack.length - 1]
    if (!top) return `${api}:fail no page`
    top.window = top.window || {}
    if (api === 'setBackgroundColor') {
      const color = args.backgroundColorTop || args.backgroundColor
      if (color) top.window.backgroundColor = color
    } else {
      if (args.textStyle !== 'dark' && args.textStyle !== 'light') return `${api}:fail parameter error: textStyle should be "dark" or "light"`
      top.window.backgroundTextStyle = args.textStyle
    }
    setFrameWindow(top)
    return `${api}:ok`
  }

  function newFrame() {
    const webviewId = nextWebviewId++
    const frame = document.createElement('iframe')
    frame.className = 'page'
    frame.style.visibility = 'hidden'
    frame.dataset.webviewId = String(webviewId)
    // app.json's "style": "v2" asks for the upgraded look of the built-in components.
    const style = cfg.style === 'v2' ? '&style=v2' : ''
    frame.src = `/page-frame.html?session=${session}&webview=${webviewId}&theme=${theme}${style}`
    document.getElementById('pages').appendChild(frame)
    return { webviewId, path: '', frame }
  }

  // themed is a value of app.json or a page's .json with a "@name" variable of theme.json
  // (app.json's darkmode on) made its value for the theme; any other value as written.
  const themed = (v) => (cfg.theme && typeof v === 'string' && /^@[A-Za-z_][A-Za-z0-9_]*$/.test(v) ? ((cfg.theme[theme] || {})[v.slice(1)] ?? v) : v)

  // windowOf is the window of a page: app.json's window under the page's .json, and what
  // setNavigationBarTitle/Color set while it is open.
  function windowOf(page) {
    const win = Object.assign({}, cfg.window || {}, (cfg.pageWindows || {})[page.path] || {}, page.window || {})
    for (const k of Object.keys(win)) win[k] = themed(win[k])
    return win
  }

  // setTheme follows the device panel: the bars take the theme's values, and each page
  // its prefers-color-scheme (runtime/view/theme.ts).
  function setTheme(next) {
    theme = next === 'dark' ? 'dark' : 'light'
    for (const p of stack) p.frame.contentWindow && p.frame.contentWindow.postMessage({ mpsimTheme: theme }, location.origin)
    // A spare frame may not listen yet: the next page gets a new one, told the theme by URL.
    if (spare) spare.frame.remove()
    spare = null
    showTop()
  }

  function showTop() {
    stack.forEach((p, i) => { p.frame.style.visibility = i === stack.length - 1 ? 'visible' : 'hidden' })
    const top = stack[stack.length - 1]
    if (!top) return
    const win = windowOf(top)
    const nav = document.getElementById('nav-bar')
    const status = document.getElementById('status-bar')
    nav.hidden = win.navigationStyle === 'custom'
    // A custom navigation bar is the page's own: the page starts at the top of the screen,
    // under the status bar, as on a phone.
    deviceEl.classList.toggle('custom-nav', win.navigationStyle === 'custom')
    document.getElementById('nav-title').textContent = win.navigationBarTitleText || ''
    // The phone's defaults: a black bar with white text.
    const bg = win.navigationBarBackgroundColor || '#000000'
    const fg = (win.navigationBarTextStyle || 'white') === 'white' ? '#ffffff' : '#000000'
    nav.style.background = status.style.background = bg
    nav.style.color = fg
    // Back on a page above another; home on a lone page that is neither a tab nor the
    // entry page (after reLaunch or redirectTo), which relaunches at the entry page.
    document.getElementById('nav-back').hidden = stack.length < 2
    document.getElementById('nav-home').hidden = !(stack.length === 1 && !tabPages.includes(top.path) && top.path !== stripPath(cfg.entryPagePath)) || !!top.homeHidden
    document.getElementById('capsule').classList.toggle('light', fg === '#ffffff')
    renderTabBar(top)
  }
  // Back asks first when the page asked for it (wx.enableAlertBeforeUnload), as on a phone.
  document.getElementById('nav-back').onclick = async () => {
    const top = stack[stack.length - 1]
    if (top && top.alertBeforeUnload !== undefined && !(await ui.showModal({ content: top.alertBeforeUnload })).confirm) return
    route('navigateBack', { delta: 1 })
  }
  document.getElementById('nav-home').onclick = () => route('reLaunch', { url: '/' + stripPath(cfg.entryPagePath) })

  // The capsule's menu: share, share to timeline and add to favorites call the page's
  // hooks (onShareAppMessage, onShareTimeline, onAddToFavorites), as the phone's menu does.
  // Items that wx.hideShareMenu hid on the page are left out.
  document.getElementById('capsule-menu').onclick = async () => {
    const items = [['shareAppMessage', '转发给朋友'], ['shareTimeline', '分享到朋友圈'], ['addToFavorites', '收藏']]
      .filter(([action]) => !dialogs.hidden(action))
    const res = await ui.showActionSheet({ itemList: items.map((item) => item[1]) })
    if (res.tapIndex === undefined) return
    send({ command: 'APPSERVICE_ON_EVENT', data: { eventName: 'onMenuAction', data: { action: items[res.tapIndex][0] } } })
  }

  // The capsule sits where the system APIs say (api.menuButton): right-aligned 7px from
  // the edge, centred in the 44px navigation bar under the status bar.
  const capsule = document.getElementById('capsule')
  Object.assign(capsule.style, {
    width: '87px', height: '32px', right: '7px', top: device.statusBarHeight + (44 - 32) / 2 + 'px',
  })

  // The tabBar: shown on tab pages, a tap on an item switches to it. What the tabBar APIs
  // change (items, style, badges, red dots, hidden) lives here until the app relaunches.
  const tabBarEl = document.getElementById('tab-bar')
  const tabBar = cfg.tabBar && cfg.tabBar.list ? {
    items: cfg.tabBar.list.map((item) => Object.assign({}, item)),
    style: { color: cfg.tabBar.color, selectedColor: cfg.tabBar.selectedColor, backgroundColor: cfg.tabBar.backgroundColor, borderStyle: cfg.tabBar.borderStyle },
    badges: {},
    dots: {},
    hidden: false,
  } : null
  function renderTabBar(top) {
    const onTab = tabBar && tabPages.includes(top.path) && !cfg.tabBar.custom
    tabBarEl.hidden = !onTab || tabBar.hidden
    deviceEl.classList.toggle('tab-bar-top', cfg.tabBar && cfg.tabBar.position === 'top')
    if (!onTab) return
    tabBarEl.textContent = ''
    tabBarEl.style.background = themed(tabBar.style.backgroundColor) || '#ffffff'
    tabBarEl.style.borderTopColor = themed(tabBar.style.borderStyle) === 'white' ? '#ffffff' : 'rgba(0,0,0,.1)'
    tabBar.items.forEach((item, index) => {
      const path = stripPath(item.pagePath)
      const el = document.createElement('div')
      el.className = 'tab-item'
      el.dataset.path = path
      const selected = path === top.path
      // Icons (files of the mini-program, served by path) show at the bottom, not on top.
      const icon = themed(selected ? item.selectedIconPath || item.iconPath : item.iconPath)
      if (icon && cfg.tabBar.position !== 'top') {
        const img = document.createElement('img')
        img.className = 'tab-icon'
        img.src = '/' + String(icon).replace(/^\//, '')
        el.appendChild(img)
      }
      const label = document.createElement('span')
      label.textContent = item.text || path
      el.appendChild(label)
      el.style.color = selected ? (themed(tabBar.style.selectedColor) || '#07c160') : (themed(tabBar.style.color) || '#7a7e83')
      if (tabBar.badges[index] !== undefined) {
        const badge = document.createElement('span')
        badge.className = 'tab-badge'
        badge.textContent = tabBar.badges[index]
        el.appendChild(badge)
      } else if (tabBar.dots[index]) {
        const dot = document.createElement('span')
        dot.className = 'tab-dot'
        el.appendChild(dot)
      }
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

  // tabBarAPI answers setTabBarBadge and the other tabBar APIs. Like the phone, they fail
  // on a page that is not a tab, and for an index the list does not have.
  function tabBarAPI(api, args) {
    const top = stack[stack.length - 1]
    if (!tabBar || !top || !tabPages.includes(top.path)) return `${api}:fail not TabBar page`
    const needsIndex = !['setTabBarStyle', 'showTabBar', 'hideTabBar'].includes(api)
    const index = Number(args.index)
    if (needsIndex && !(Number.isInteger(index) && index >= 0 && index < tabBar.items.length)) {
      return `${api}:fail tabbar item not found`
    }
    switch (api) {
      case 'setTabBarBadge':
        tabBar.badges[index] = String(args.text ?? '')
        break
      case 'removeTabBarBadge':
        delete tabBar.badges[index]
        break
      case 'showTabBarRedDot':
        tabBar.dots[index] = true
        break
      case 'hideTabBarRedDot':
        delete tabBar.dots[index]
        break
      case 'setTabBarItem':
        for (const k of ['text', 'iconPath', 'selectedIconPath', 'pagePath']) {
          if (args[k] !== undefined) tabBar.items[index][k] = args[k]
        }
        break
      case 'setTabBarStyle':
        for (const k of ['color', 'selectedColor', 'backgroundColor', 'borderStyle']) {
          if (args[k] !== undefined) tabBar.style[k] = args[k]
        }
        break
      case 'showTabBar':
      case 'hideTabBar':
        tabBar.hidden = api === 'hideTabBar'
        break
    }
    renderTabBar(top)
    return `${api}:ok`
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
      // A back closes the top page's page-container, if it shows one, not the page.
      if (stack[stack.length - 1]?.frame.contentWindow?.__mpsimCloseContainer?.()) return 'navigateBack:ok'
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
        const page = createFrame(path, query)
        stack.push(page)
        appRoute('navigateTo', page, query)
        break
      }
      case 'redirectTo': {
        const old = stack.pop()
        if (old) removePage(old)
        const page = createFrame(path, query)
        stack.push(page)
        appRoute('redirectTo', page, query)
        break
      }
      case 'reLaunch': {
        stack.forEach(removePage)
        const page = createFrame(path, query)
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
        else stack.push((page = createFrame(path, {})))
        appRoute('switchTab', page, {})
        break
      }
    }
    showTop()
    return `${api}:ok`
  }

  function navigationBarLoading(api) {
    document.getElementById('nav-loading').hidden = api === 'hideNavigationBarLoading'
    return `${api}:ok`
  }

  const ui = window.mpsimUI
  // The open capabilities' dialogs (dialogs.js): authorization, payment, sharing ...
  const dialogs = window.mpsimDialogs.create({
    appName: cfg.projectName || 'mpsim',
    topPage: () => {
      const top = stack[stack.length - 1]
      return top && { webviewId: top.webviewId, path: top.path, query: top.query, title: windowOf(top).navigationBarTitleText || '' }
    },
  })
  // The APIs the shell answers (web.ShellAPIs lists them for the hub; an e2e test keeps the
  // two the same). A handler returns the errMsg, or the whole result, or a Promise of it (a
  // modal waits for the person).
  const shellAPIs = {
    navigateTo: route, redirectTo: route, navigateBack: route, switchTab: route, reLaunch: route,
    setNavigationBarTitle: setNavigationBar, setNavigationBarColor: setNavigationBar,
    showNavigationBarLoading: navigationBarLoading, hideNavigationBarLoading: navigationBarLoading,
    setBackgroundColor: setBackground, setBackgroundTextStyle: setBackground,
    setTabBarBadge: tabBarAPI, removeTabBarBadge: tabBarAPI, showTabBarRedDot: tabBarAPI, hideTabBarRedDot: tabBarAPI,
    setTabBarItem: tabBarAPI, setTabBarStyle: tabBarAPI, showTabBar: tabBarAPI, hideTabBar: tabBarAPI,
    showToast: (api, args) => (ui.showToast(args, false), 'showToast:ok'),
    showLoading: (api, args) => (ui.showToast(args, true), 'showLoading:ok'),
    // hideToast and hideLoading close only their own kind, as on a phone.
    hideToast: (api) => (ui.toastKind() === 'toast' && ui.hideToast(), 'hideToast:ok'),
    hideLoading: (api) => (ui.toastKind() === 'loading' && ui.hideToast(), 'hideLoading:ok'),
    showModal: (api, args) => ui.showModal(args),
    showActionSheet: (api, args) => ui.showActionSheet(args),
    ...dialogs.apis,
    // Leaving the mini-program sends it to the background, as the home key does.
    exitMiniProgram: () => (setInBackground(true), 'exitMiniProgram:ok'),
  }
  // More of them from the shell's other scripts (device.js, media.js), each a map like this.
  for (const more of window.mpsimShellAPIs || []) Object.assign(shellAPIs, more)

  function onFrame(f) {
    if (f.command === 'HUB_ERROR') {
      console.error('[mpsim] hub:', f.data)
      return
    }
    if (f.command === 'SHELL_ON_EVENT' && f.data && f.data.eventName === 'onBuild') {
      onBuild(f.data.data)
      return
    }
    if (f.command === 'SHELL_ON_EVENT' && f.data && f.data.eventName === 'onAppError') {
      showAppError(f.data.data)
      return
    }
    if (f.command === 'AUTOMATION_REQUEST') {
      const { id, params: p = {} } = f.data || {}
      const answer = (out) => send({ command: 'AUTOMATION_RESPONSE', data: Object.assign({ id }, out) })
      Promise.resolve().then(() => nativeAction(p.method, p.data || {})).then(
        (result) => answer({ result: result || {} }),
        (err) => answer({ error: { message: `Tool.native ${p.method}: ${err && err.message}` } }))
      return
    }
    if (f.command === 'APPSERVICE_INVOKE' || f.command === 'WEBVIEW_INVOKE') {
      const { api, args = {}, callbackID } = f.data || {}
      const handler = shellAPIs[api]
      const reply = (out) => {
        const res = typeof out === 'string' ? { errMsg: out } : out
        send(f.command === 'APPSERVICE_INVOKE'
          ? { command: 'APPSERVICE_INVOKE_CALLBACK', data: { callbackID, res } }
          : { command: 'WEBVIEW_INVOKE_CALLBACK', webviewID: f.fromWebviewID, data: { callbackID, res } })
      }
      const failed = (err) => reply(`${api}:fail ${err && err.message}`)
      try {
        Promise.resolve(handler ? handler(api, args) : `${api}:fail not supported in simulator`).then(reply, failed)
      } catch (err) {
        failed(err)
      }
    }
  }

  // nativeAction presses what the automation client's Tool.native names: the navigation
  // bar's buttons, a tab, a modal's buttons, and the dialogs of the open capabilities.
  function nativeAction(method, data) {
    const press = (selector, what) => {
      const all = document.querySelectorAll(selector)
      if (!all.length) throw new Error(`no ${what} is open`)
      all[all.length - 1].click()
      return {}
    }
    switch (method) {
      case 'goHome': return check(route('reLaunch', { url: '/' + stripPath(cfg.entryPagePath) }))
      case 'navigateLeft': return check(route('navigateBack', { delta: 1 }))
      case 'confirmModal': return press('.ui-modal-confirm', 'modal')
      case 'cancelModal': return press('.ui-modal-cancel', 'modal with a cancel button')
      case 'switchTab': {
        const items = [...tabBarEl.querySelectorAll('.tab-item')]
        const want = stripPath(data.url || data.pagePath || '')
        const item = items.find((el, i) => el.dataset.path === want || i === data.index || el.textContent === data.text)
        if (!item) throw new Error(`no tab matches ${JSON.stringify(data)}`)
        item.click()
        return {}
      }
    }
    // The dialogs of authorize, payment and share (window.mpsimNative, dialogs of the shell).
    const act = window.mpsimNative && window.mpsimNative[method]
    if (typeof act !== 'function') throw new Error('unknown action (see docs/automation.md)')
    if (act() === false) throw new Error('the dialog it answers is not open')
    return {}
  }
  function check(errMsg) {
    if (!/:ok$/.test(errMsg)) throw new Error(errMsg)
    return {}
  }

  // What mpsim auto asks of the shell: whether the app's first page is up.
  window.mpsimAutomation = { ready: () => stack.length > 0 }

  // Background and foreground, as the phone's home key and coming back.
  const backgroundButton = document.getElementById('background')
  let inBackground = false
  function setInBackground(value) {
    if (value === inBackground) return
    inBackground = value
    backgroundButton.textContent = inBackground ? 'Foreground' : 'Background'
    deviceEl.classList.toggle('in-background', inBackground)
    send({ command: 'APPSERVICE_ON_EVENT', data: { eventName: inBackground ? 'onAppEnterBackground' : 'onAppEnterForeground', data: {} } })
  }
  backgroundButton.onclick = () => setInBackground(!inBackground)

  window.__mpsim = {
    session,
    stack: () => stack.map((p) => ({ webviewId: p.webviewId, path: p.path })),
    back: () => route('navigateBack', { delta: 1 }), // what the navigation bar's back button does
    navigate: (url) => route('navigateTo', { url }), // for tests and the console
    send, // a frame to the hub, as the controller
    top: () => stack[stack.length - 1], // the page on top: { webviewId, path, frame, ... }
    showTop, // draws the navigation bar and the tabBar for the page on top again
    setTheme, // the device panel's theme: "light" or "dark"
    theme: () => theme,
    apis: () => Object.keys(shellAPIs), // the APIs answered here; a test holds web.ShellAPIs to them
  }

  // relaunchKeepingStack restarts the app on a new build at the pages that are open, each
  // with its query (a saved .js or .json cannot be swapped into a running app).
  function relaunchKeepingStack() {
    sessionStorage.setItem('mpsim.stack', JSON.stringify(stack.map((p) => ({ path: p.path, query: p.query }))))
    location.reload()
  }
  const keptStack = JSON.parse(sessionStorage.getItem('mpsim.stack') || 'null')
  sessionStorage.removeItem('mpsim.stack')
  const urlOf = (p) => '/' + p.path + (Object.keys(p.query || {}).length ? '?' + new URLSearchParams(p.query) : '')

  // Launch: the entry page, or the one the address names (/?page=pages/a/a&id=1), as the
  // official tools' compile mode sets a launch page and query; after a relaunch, the pages
  // that were open. The compile mode's scene (?scene=1011) goes to the launch options.
  const launchPage = params.get('page')
  const scene = Number(params.get('scene')) || 1001
  const launchQuery = new URLSearchParams(params)
  for (const k of ['page', 'device', 'scene']) launchQuery.delete(k)
  const entry = keptStack && keptStack.length ? parseURL(urlOf(keptStack[0]))
    : parseURL('/' + (launchPage || cfg.entryPagePath) + (launchPage && launchQuery.toString() ? '?' + launchQuery : ''))
  const first = createFrame(entry.path, entry.query)
  stack.push(first)
  appRoute('appLaunch', first, entry.query, { scene })
  showTop()
  for (const p of (keptStack || []).slice(1)) {
    route(tabPages.includes(p.path) ? 'switchTab' : 'navigateTo', { url: urlOf(p) })
  }
  setUpCompileModes(launchPage ? { path: entry.path, query: launchQuery.toString(), scene: params.get('scene') } : null)

  // Compile modes (project.private.config.json's condition): picking one relaunches the
  // app at its page, query and scene; the last entry saves the page on top as a new one.
  function setUpCompileModes(current) {
    const select = document.getElementById('compile-mode')
    const conditions = cfg.conditions || []
    select.add(new Option('Normal compile', 'normal'))
    conditions.forEach((c, i) => select.add(new Option(c.name, String(i))))
    select.add(new Option('Save page as compile mode…', 'save'))
    const matching = current && conditions.findIndex((c) => stripPath(c.pathName) === current.path &&
      (c.query || '') === current.query && String(c.scene ?? '') === String(current.scene ?? ''))
    select.value = current && matching >= 0 ? String(matching) : 'normal'
    const launch = (c) => {
      const next = new URLSearchParams()
      if (params.get('device')) next.set('device', params.get('device'))
      if (c) {
        next.set('page', stripPath(c.pathName))
        for (const [k, v] of new URLSearchParams(c.query || '')) next.set(k, v)
        if (c.scene) next.set('scene', String(c.scene))
      }
      location.search = next.toString()
    }
    select.onchange = async () => {
      if (select.value === 'normal') return launch(null)
      if (select.value !== 'save') return launch(conditions[Number(select.value)])
      const top = stack[stack.length - 1]
      const query = new URLSearchParams(top.query).toString()
      const c = { name: top.path + (query ? '?' + query : ''), pathName: top.path, query, scene: null }
      const res = await fetch('/project/conditions', { method: 'POST', body: JSON.stringify(c) })
      if (!res.ok) {
        showError('compile mode not saved: ' + ((await res.json()).error || res.status))
        return
      }
      launch(c)
    }
  }
})()

// The simulator shell (controller): it starts the service layer in a Web Worker, opens
// page iframes, and routes the shell's part of the protocol through the hub.
'use strict'
;(async function main() {
  const session = (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2)).replace(/[^A-Za-z0-9_-]/g, '')
  const cfgRes = await fetch('/app-config.json')
  const cfg = await cfgRes.json()
  const device = cfg.device
  const deviceEl = document.getElementById('device')
  deviceEl.style.width = device.screenWidth + 'px'
  deviceEl.style.height = device.screenHeight + 'px'
  document.getElementById('status-bar').style.height = device.statusBarHeight + 'px'
  document.getElementById('app-name').textContent = cfg.projectName || 'mpsim'

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
  function onFrame(f) {
    if (f.command === 'HUB_ERROR') console.error('[mpsim] hub:', f.data)
  }
  connect()

  // Errors of the app's code reach the shell through the service worker's console and
  // through the page; show them over the device so they are read without a click.
  const overlay = document.getElementById('error-overlay')
  function showError(text) {
    document.getElementById('error-text').textContent = text
    overlay.hidden = false
  }

  const worker = new Worker(`/runtime/service.js?session=${session}`)
  worker.onerror = (e) => showError(`service layer: ${e.message}`)

  let nextWebviewId = 1
  function openPage(path, query, openType) {
    const webviewId = nextWebviewId++
    const frame = document.createElement('iframe')
    frame.className = 'page'
    frame.dataset.webviewId = String(webviewId)
    frame.dataset.path = path
    frame.src = `/page-frame.html?session=${session}&webview=${webviewId}&path=${encodeURIComponent(path)}`
    document.getElementById('pages').appendChild(frame)
    const win = cfg.window || {}
    document.getElementById('nav-title').textContent = win.navigationBarTitleText || ''
    send({ command: 'APPSERVICE_ON_EVENT', data: { eventName: 'onAppRoute', data: { path, query, webviewId, openType } } })
  }
  window.__mpsim = { session, openPage }
  openPage(cfg.entryPagePath, {}, 'appLaunch')
})()

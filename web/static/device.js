// The simulated phone's hardware as the shell shows it: the clipboard, calls, vibration,
// the screen's brightness, the calendar and contacts, the navigation bar's home button
// and back alert, and the device panel, whose changes reach the app as the phone's events
// (APPSERVICE_ON_EVENT: onNetworkStatusChange, onBatteryInfoChange, onThemeChange ...).
'use strict'
;(function () {
  const ui = () => window.mpsimUI
  const shell = () => window.__mpsim
  const deviceEl = () => document.getElementById('device')
  const { param, download } = window.mpsimUI

  let clipboard = ''
  let brightness = 0.5
  let shaking = 0

  // The phone's calendar event, as an iCalendar file the computer's calendar opens.
  function ics(args) {
    const stamp = (sec) => new Date(Number(sec) * 1000).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')
    const text = (s) => String(s ?? '').replace(/[\\;,]/g, (c) => '\\' + c).replace(/\n/g, '\\n')
    const end = args.endTime ? args.endTime : Number(args.startTime) + (args.allDay ? 86400 : 3600)
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//mpsim//EN', 'BEGIN:VEVENT',
      `UID:${Date.now()}@mpsim`, `DTSTAMP:${stamp(Date.now() / 1000)}`, `DTSTART:${stamp(args.startTime)}`, `DTEND:${stamp(end)}`,
      `SUMMARY:${text(args.title)}`]
    if (args.description) lines.push(`DESCRIPTION:${text(args.description)}`)
    if (args.location) lines.push(`LOCATION:${text(args.location)}`)
    if (args.repeatInterval) {
      const freq = { day: 'DAILY', week: 'WEEKLY', month: 'MONTHLY', year: 'YEARLY' }[args.repeatInterval] || 'MONTHLY'
      lines.push(`RRULE:FREQ=${freq}${args.repeatEndTime ? ';UNTIL=' + stamp(args.repeatEndTime) : ''}`)
    }
    if (args.alarm !== false) lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:-PT${Math.round((args.alarmOffset ?? 0) / 60)}M`, 'END:VALARM')
    lines.push('END:VEVENT', 'END:VCALENDAR')
    return new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/calendar' })
  }

  async function addCalendar(api, args) {
    if (typeof args.title !== 'string' || !args.title) return param(api, 'title', 'String')
    if (!Number.isFinite(Number(args.startTime)) || args.startTime === undefined) return param(api, 'startTime', 'Number')
    const res = await ui().showModal({ title: '添加到日历', content: args.title, confirmText: '添加' })
    if (!res.confirm) return `${api}:fail cancel`
    download(ics(args), 'event.ics')
    return `${api}:ok`
  }

  // The phone's new contact, as a vCard file.
  function vcard(a) {
    const name = [a.lastName, a.firstName, a.middleName].filter(Boolean).join('')
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', `N:${a.lastName || ''};${a.firstName || ''};${a.middleName || ''};;`, `FN:${name}`]
    if (a.nickName) lines.push(`NICKNAME:${a.nickName}`)
    if (a.organization) lines.push(`ORG:${a.organization}`)
    if (a.title) lines.push(`TITLE:${a.title}`)
    for (const [k, type] of [['mobilePhoneNumber', 'CELL'], ['workPhoneNumber', 'WORK'], ['homePhoneNumber', 'HOME']]) {
      if (a[k]) lines.push(`TEL;TYPE=${type}:${a[k]}`)
    }
    if (a.email) lines.push(`EMAIL:${a.email}`)
    if (a.url) lines.push(`URL:${a.url}`)
    if (a.remark) lines.push(`NOTE:${a.remark}`)
    lines.push('END:VCARD')
    return new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/vcard' })
  }

  function vibrate(api, ms) {
    const el = deviceEl()
    el.classList.remove('vibrating')
    void el.offsetWidth // restart the animation
    el.style.setProperty('--vibrate-time', ms + 'ms')
    el.classList.add('vibrating')
    clearTimeout(shaking)
    shaking = setTimeout(() => el.classList.remove('vibrating'), ms)
    return `${api}:ok`
  }

  const apis = {
    setClipboardData: (api, args) => {
      if (typeof args.data !== 'string') return param(api, 'data', 'String')
      clipboard = args.data
      // The computer's clipboard too, when the browser lets the page write it.
      if (navigator.clipboard) navigator.clipboard.writeText(args.data).catch(() => {})
      ui().showToast({ title: '内容已复制', icon: 'none', duration: 1500 }, false)
      return `${api}:ok`
    },
    getClipboardData: (api) => ({ errMsg: `${api}:ok`, data: clipboard }),
    makePhoneCall: async (api, args) => {
      if (typeof args.phoneNumber !== 'string' || !args.phoneNumber) return param(api, 'phoneNumber', 'String')
      const res = await ui().showModal({ title: args.phoneNumber, content: '模拟器不能拨打电话', confirmText: '呼叫' })
      return res.confirm ? `${api}:ok` : `${api}:fail cancel`
    },
    // The phone's 15 ms buzz would not show: the device shakes long enough to be seen.
    vibrateShort: (api) => vibrate(api, 150),
    vibrateLong: (api) => vibrate(api, 400),
    setScreenBrightness: (api, args) => {
      const v = Number(args.value)
      if (args.value === undefined || !(v >= 0 && v <= 1)) return `${api}:fail parameter error: value should be a number between 0 and 1`
      brightness = v
      document.getElementById('pages').style.filter = `brightness(${0.3 + 0.7 * v})`
      return `${api}:ok`
    },
    getScreenBrightness: (api) => ({ errMsg: `${api}:ok`, value: brightness }),
    addPhoneCalendar: addCalendar,
    addPhoneRepeatCalendar: addCalendar,
    addPhoneContact: async (api, args) => {
      if (typeof args.firstName !== 'string' || !args.firstName) return param(api, 'firstName', 'String')
      const res = await ui().showActionSheet({ itemList: ['创建新联系人', '添加到现有联系人'] })
      if (res.tapIndex === undefined) return `${api}:fail cancel`
      download(vcard(args), `${args.firstName}.vcf`)
      return `${api}:ok`
    },
    sendSms: async (api, args) => {
      const res = await ui().showModal({ title: '发送短信', content: `${args.phoneNumber || ''}\n${args.content || ''}`.trim(), confirmText: '发送' })
      return res.confirm ? `${api}:ok` : `${api}:fail cancel`
    },
    // The page on top's navigation bar: no home button, or an alert before going back.
    hideHomeButton: (api) => {
      const top = shell().top()
      if (!top) return `${api}:fail no page`
      top.homeHidden = true
      shell().showTop()
      return `${api}:ok`
    },
    enableAlertBeforeUnload: (api, args) => {
      const top = shell().top()
      if (typeof args.message !== 'string' || !args.message) return param(api, 'message', 'String')
      if (top) top.alertBeforeUnload = args.message
      return `${api}:ok`
    },
    disableAlertBeforeUnload: (api) => {
      const top = shell().top()
      if (top) delete top.alertBeforeUnload
      return `${api}:ok`
    },
  }
  ;(window.mpsimShellAPIs = window.mpsimShellAPIs || []).push(apis)

  // ---- the device panel ----

  // emit tells the app about a change of the simulated phone.
  const emit = (eventName, data) => shell().send({ command: 'APPSERVICE_ON_EVENT', data: { eventName, data } })
  const rad = (deg) => (Number(deg) || 0) * Math.PI / 180

  // The panel's controls, each raising its event; window.mpsimDevice does the same for
  // scripts and tests.
  const device = {
    setNetwork: (networkType) => emit('onNetworkStatusChange', { networkType, isConnected: networkType !== 'none' }),
    setWeakNetwork: (weakNet) => emit('onNetworkWeakChange', { weakNet: !!weakNet }),
    setBattery: (level, isCharging) => emit('onBatteryInfoChange', { level: Number(level), isCharging: !!isCharging }),
    // The server answers getSystemInfo with the theme: it hears it first, so that the app's
    // onThemeChange reads the new one.
    setTheme: async (theme) => {
      await fetch('/session/theme', { method: 'POST', body: JSON.stringify({ session: shell().session, theme }) })
      shell().setTheme(theme)
      emit('onThemeChange', { theme })
    },
    // The phone's orientation in degrees; gravity follows it into the accelerometer.
    setOrientation: (alpha, beta, gamma) => {
      const b = rad(beta), g = rad(gamma)
      emit('onSensorChange', {
        orientation: { alpha: Number(alpha) || 0, beta: Number(beta) || 0, gamma: Number(gamma) || 0 },
        accelerometer: { x: -Math.sin(g) * Math.cos(b), y: -Math.sin(b), z: -Math.cos(b) * Math.cos(g) },
      })
    },
    memoryWarning: () => emit('onMemoryWarning', { level: 10 }),
    captureScreen: () => emit('onUserCaptureScreen', {}),
  }
  window.mpsimDevice = device

  function panel() {
    const style = document.createElement('style')
    style.textContent = `
      #device.vibrating { animation: mpsim-vibrate 50ms linear infinite; }
      @keyframes mpsim-vibrate { 0%, 100% { translate: 0 } 25% { translate: -2px 0 } 75% { translate: 2px 0 } }
      #device-panel { position: fixed; z-index: 100; display: flex; flex-direction: column; gap: 6px; padding: 10px 12px; background: #fff; border: 1px solid #ddd; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.15); font-size: 13px; }
      #device-panel[hidden] { display: none; }
      #device-panel input[type=number] { width: 48px; }`
    document.head.appendChild(style)
    const toolbar = document.getElementById('toolbar')
    const button = document.createElement('button')
    button.id = 'device-button'
    button.textContent = 'Device'
    button.title = 'The simulated phone: network, battery, theme, orientation, memory warning, screenshot'
    toolbar.insertBefore(button, document.getElementById('status'))
    const box = document.createElement('div')
    box.id = 'device-panel'
    box.hidden = true
    box.innerHTML = `
      <label>Network <select data-k="network">${['wifi', '5g', '4g', '3g', '2g', 'unknown', 'none'].map((t) => `<option>${t}</option>`).join('')}</select></label>
      <label><input type="checkbox" data-k="weak"> weak network</label>
      <label>Battery <input type="range" min="0" max="100" value="100" data-k="level"> <input type="checkbox" data-k="charging"> charging</label>
      <label>Theme <select data-k="theme"><option>light</option><option>dark</option></select></label>
      <label>Orientation α <input type="number" value="0" data-k="alpha"> β <input type="number" value="0" data-k="beta"> γ <input type="number" value="0" data-k="gamma"></label>
      <div><button data-k="memory">Memory warning</button> <button data-k="capture">Screenshot</button></div>`
    document.body.appendChild(box)
    button.onclick = () => {
      box.hidden = !box.hidden
      q('theme').value = shell().theme() // the session's, which a reload keeps
      const r = button.getBoundingClientRect()
      box.style.left = r.left + 'px'
      box.style.top = r.bottom + 4 + 'px'
    }
    const q = (k) => box.querySelector(`[data-k="${k}"]`)
    q('network').onchange = () => device.setNetwork(q('network').value)
    q('weak').onchange = () => device.setWeakNetwork(q('weak').checked)
    q('level').onchange = q('charging').onchange = () => device.setBattery(q('level').value, q('charging').checked)
    q('theme').onchange = () => device.setTheme(q('theme').value)
    q('alpha').onchange = q('beta').onchange = q('gamma').onchange = () => device.setOrientation(q('alpha').value, q('beta').value, q('gamma').value)
    q('memory').onclick = device.memoryWarning
    q('capture').onclick = device.captureScreen
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', panel)
  else panel()
})()

// The phone's own dialogs for the open capabilities: authorization, payment, sharing, the
// settings page and the map of openLocation. The service layer asks for one with the
// shell API mpsimDialog ({kind, api, ...}) and gets the person's answer back
// (runtime/service/open-api.ts). One dialog shows at a time, the others wait their turn,
// as on a phone. window.mpsimNative presses their buttons for the automation port, each
// returning whether such a dialog was there.
'use strict'
window.mpsimDialogs = (function () {
  // What each scope lets the mini-program do, as the phone's dialog says it.
  const scopeText = {
    'scope.userInfo': '获取你的昵称、头像',
    'scope.userLocation': '获取你的位置信息',
    'scope.userFuzzyLocation': '获取你的模糊地理位置',
    'scope.userLocationBackground': '在后台获取你的位置信息',
    'scope.werun': '获取你的微信运动步数',
    'scope.record': '使用你的麦克风',
    'scope.writePhotosAlbum': '保存图片或视频到你的相册',
    'scope.camera': '使用你的摄像头',
    'scope.bluetooth': '使用你的蓝牙',
    'scope.addPhoneContact': '添加到你的手机通讯录',
    'scope.addPhoneCalendar': '添加到你的手机日历',
    'scope.address': '获取你的通讯地址',
    'scope.invoiceTitle': '获取你的发票抬头',
    'scope.invoice': '获取你的发票',
  }

  const { el } = window.mpsimUI

  // create wires the dialogs to the shell: appName is the mini-program's name, topPage()
  // the page on top ({webviewId, path, query, title}).
  function create({ appName, topPage }) {
    const layer = () => document.getElementById('ui-layer')
    const showing = {} // kind -> close(answer) of the dialog on screen
    let queue = Promise.resolve()

    // show puts a dialog on screen once the one before it closed; build(close) makes its
    // box and calls close(answer) from its buttons. The Promise gives the answer.
    function show(kind, className, build) {
      const turn = queue.then(() => new Promise((resolve) => {
        const mask = el('div', 'ui-mask dlg-wrap ' + className)
        mask.dataset.dialog = kind
        const close = (answer) => {
          if (showing[kind] !== close) return
          delete showing[kind]
          mask.remove()
          resolve(answer)
        }
        showing[kind] = close
        mask.appendChild(build(close))
        layer().appendChild(mask)
      }))
      queue = turn.then(() => undefined)
      return turn
    }

    function buttons(pairs) {
      const row = el('div', 'ui-modal-buttons')
      for (const [text, cls, onclick] of pairs) {
        const b = el('div', 'ui-modal-button ' + cls, text)
        b.onclick = onclick
        row.appendChild(b)
      }
      return row
    }

    function authorize(args) {
      return show('authorize', 'dlg-authorize', (close) => {
        const box = el('div', 'ui-modal dlg-box')
        box.appendChild(el('div', 'dlg-app', appName))
        const what = args.api === 'getUserProfile' ? '获取你的昵称、头像' : scopeText[args.scope] || args.scope
        box.appendChild(el('div', 'ui-modal-title', '申请' + what))
        if (args.desc) box.appendChild(el('div', 'ui-modal-content', String(args.desc)))
        box.appendChild(buttons([['拒绝', 'ui-modal-cancel dlg-deny', () => close(false)], ['允许', 'dlg-allow', () => close(true)]]))
        return box
      })
    }

    // The simulator's payment: the order's package and signature, paid or closed.
    function payment(args) {
      return show('payment', 'dlg-payment', (close) => {
        const sheet = el('div', 'dlg-sheet')
        const x = el('span', 'dlg-close', '×')
        x.onclick = () => close(false)
        sheet.appendChild(x)
        sheet.appendChild(el('div', 'dlg-sheet-title', '模拟支付'))
        sheet.appendChild(el('div', 'dlg-app', appName))
        for (const k of ['package', 'mode', 'signType', 'mchId']) {
          if (args[k] !== undefined) sheet.appendChild(el('div', 'dlg-field', `${k}: ${args[k]}`))
        }
        const pay = el('div', 'dlg-primary dlg-pay', '确认支付')
        pay.onclick = () => close(true)
        sheet.appendChild(pay)
        return sheet
      })
    }

    // What the page shares, over its defaults: the page's title and path.
    function share(args) {
      const top = topPage() || {}
      const query = new URLSearchParams(top.query || {}).toString()
      const title = args.title || top.title || appName
      const path = args.path || (top.path ? '/' + top.path + (query ? '?' + query : '') : '')
      return show('share', 'dlg-share', (close) => {
        const box = el('div', 'ui-modal dlg-box')
        box.appendChild(el('div', 'ui-modal-title', args.api === 'shareTimeline' ? '分享到朋友圈' : '发送给朋友'))
        const card = el('div', 'dlg-card')
        card.appendChild(el('div', 'dlg-card-app', appName))
        card.appendChild(el('div', 'dlg-card-title', String(title)))
        if (args.imageUrl) {
          const img = el('img', 'dlg-card-image')
          img.src = String(args.imageUrl)
          card.appendChild(img)
        }
        if (path) card.appendChild(el('div', 'dlg-card-path', String(path)))
        box.appendChild(card)
        box.appendChild(buttons([['取消', 'ui-modal-cancel dlg-cancel', () => close(false)], ['发送', 'dlg-send', () => close(true)]]))
        return box
      })
    }

    // The settings page: a switch per scope asked for; leaving it keeps what is switched.
    function setting(args) {
      const auth = Object.assign({}, args.authSetting || {})
      return show('setting', 'dlg-setting', (close) => {
        const page = el('div', 'dlg-page')
        const back = el('div', 'dlg-page-back', '‹ 设置')
        back.onclick = () => close(auth)
        page.appendChild(back)
        page.appendChild(el('div', 'dlg-app', appName))
        const scopes = Object.keys(auth)
        if (scopes.length === 0) page.appendChild(el('div', 'dlg-empty', '暂无获取你的任何信息'))
        for (const scope of scopes) {
          const row = el('label', 'dlg-row')
          row.appendChild(el('span', '', scopeText[scope] || scope))
          const sw = el('input', 'dlg-switch')
          sw.type = 'checkbox'
          sw.checked = !!auth[scope]
          sw.dataset.scope = scope
          sw.onchange = () => { auth[scope] = sw.checked }
          row.appendChild(sw)
          page.appendChild(row)
        }
        close.current = auth // what closeSetting() leaves with
        return page
      })
    }

    // openLocation's map page: the place, until the person closes it.
    function location(args) {
      return show('location', 'dlg-location', (close) => {
        const box = el('div', 'ui-modal dlg-box')
        box.appendChild(el('div', 'ui-modal-title', String(args.name || '位置')))
        if (args.address) box.appendChild(el('div', 'ui-modal-content', String(args.address)))
        box.appendChild(el('div', 'dlg-field', `${args.latitude}, ${args.longitude}`))
        box.appendChild(buttons([['关闭', 'dlg-close-map', () => close(true)]]))
        return box
      })
    }

    const kinds = { authorize, payment, share, setting, location }
    // Per page on top (by webviewId): the capsule menu's items that hideShareMenu hid.
    const hiddenMenus = {}
    const topId = () => (topPage() || {}).webviewId
    const menusOf = (args, all) => (Array.isArray(args.menus) && args.menus.length ? args.menus : all)

    const apis = {
      mpsimDialog: async (api, args) => {
        const f = kinds[args.kind]
        if (!f) return `${api}:fail unknown dialog ${args.kind}`
        return { errMsg: `${api}:ok`, answer: await f(args) }
      },
      showShareMenu: (api, args) => {
        const hidden = hiddenMenus[topId()] || new Set()
        for (const m of menusOf(args, ['shareAppMessage'])) hidden.delete(m)
        hiddenMenus[topId()] = hidden
        return `${api}:ok`
      },
      hideShareMenu: (api, args) => {
        const hidden = hiddenMenus[topId()] || new Set()
        for (const m of menusOf(args, ['shareAppMessage', 'shareTimeline'])) hidden.add(m)
        hiddenMenus[topId()] = hidden
        return `${api}:ok`
      },
      updateShareMenu: (api) => `${api}:ok`,
    }

    // press answers the dialog of kind on screen, for the automation port.
    const press = (kind, answer) => {
      const close = showing[kind]
      if (!close) return false
      close(typeof answer === 'function' ? answer(close) : answer)
      return true
    }
    window.mpsimNative = {
      authorizeAllow: () => press('authorize', true),
      authorizeCancel: () => press('authorize', false),
      closePaymentDialog: () => press('payment', false),
      confirmPayment: () => press('payment', true),
      shareConfirm: () => press('share', true),
      shareCancel: () => press('share', false),
      closeSetting: () => press('setting', (close) => close.current),
      closeLocation: () => press('location', true),
    }

    return {
      apis,
      // hidden reports whether the capsule menu's item (shareAppMessage, shareTimeline) is
      // hidden on the page on top.
      hidden: (menu) => !!(hiddenMenus[topId()] && hiddenMenus[topId()].has(menu)),
    }
  }

  return { create }
})()

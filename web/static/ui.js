// The phone's own UI that wx APIs show over the page: toast and loading, modal, action
// sheet. Each answers as the phone does; the shell (shell.js) wires them to the APIs.
'use strict'
window.mpsimUI = (function () {
  const layer = () => document.getElementById('ui-layer')

  function el(tag, className, text) {
    const e = document.createElement(tag)
    if (className) e.className = className
    if (text !== undefined) e.textContent = text
    return e
  }

  // Toast and loading share one box, as on the phone: a new one replaces the old.
  let toast = null
  let toastTimer = 0
  function showToast(args, isLoading) {
    hideToast()
    const icon = isLoading ? 'loading' : (args.icon || 'success')
    const box = el('div', 'ui-toast' + (icon === 'none' && !args.image ? ' ui-toast-text' : ''))
    box.dataset.kind = isLoading ? 'loading' : 'toast'
    if (args.image) {
      const img = el('img', 'ui-toast-image')
      img.src = args.image
      box.appendChild(img)
    } else if (icon !== 'none') {
      box.appendChild(el('div', 'ui-toast-icon ui-icon-' + icon, icon === 'success' ? '✓' : icon === 'error' ? '✕' : ''))
    }
    box.appendChild(el('div', 'ui-toast-title', String(args.title ?? '')))
    toast = el('div', 'ui-toast-wrap' + (args.mask ? ' ui-mask' : ''))
    toast.appendChild(box)
    layer().appendChild(toast)
    if (!isLoading) {
      const duration = Number(args.duration ?? 1500)
      toastTimer = setTimeout(hideToast, duration)
    }
  }
  function hideToast() {
    clearTimeout(toastTimer)
    if (toast) toast.remove()
    toast = null
  }
  const toastKind = () => (toast ? toast.firstChild.dataset.kind : '')

  // showModal resolves with the phone's result once a button is pressed.
  function showModal(args) {
    return new Promise((resolve) => {
      const mask = el('div', 'ui-mask ui-modal-wrap')
      const box = el('div', 'ui-modal')
      if (args.title) box.appendChild(el('div', 'ui-modal-title', String(args.title)))
      let input = null
      if (args.editable) {
        input = el('textarea', 'ui-modal-input')
        input.placeholder = String(args.placeholderText ?? '')
        input.value = String(args.content ?? '')
        box.appendChild(input)
      } else if (args.content) {
        box.appendChild(el('div', 'ui-modal-content', String(args.content)))
      }
      const buttons = el('div', 'ui-modal-buttons')
      const close = (confirm) => {
        mask.remove()
        const res = { errMsg: 'showModal:ok', confirm, cancel: !confirm }
        if (args.editable) res.content = confirm ? input.value : null
        resolve(res)
      }
      if (args.showCancel !== false) {
        const cancel = el('div', 'ui-modal-button ui-modal-cancel', String(args.cancelText || '取消'))
        cancel.style.color = args.cancelColor || '#000000'
        cancel.onclick = () => close(false)
        buttons.appendChild(cancel)
      }
      const ok = el('div', 'ui-modal-button ui-modal-confirm', String(args.confirmText || '确定'))
      ok.style.color = args.confirmColor || '#576B95'
      ok.onclick = () => close(true)
      buttons.appendChild(ok)
      box.appendChild(buttons)
      mask.appendChild(box)
      layer().appendChild(mask)
    })
  }

  // showActionSheet resolves with tapIndex, or fails with "cancel" when dismissed.
  function showActionSheet(args) {
    const items = Array.isArray(args.itemList) ? args.itemList : []
    if (items.length === 0) return Promise.resolve({ errMsg: 'showActionSheet:fail parameter error: parameter.itemList should have at least 1 item' })
    if (items.length > 6) return Promise.resolve({ errMsg: 'showActionSheet:fail parameter error: parameter.itemList should not be large than 6' })
    return new Promise((resolve) => {
      const mask = el('div', 'ui-mask ui-sheet-wrap')
      const sheet = el('div', 'ui-sheet')
      const done = (res) => {
        mask.remove()
        resolve(res)
      }
      if (args.alertText) sheet.appendChild(el('div', 'ui-sheet-alert', String(args.alertText)))
      items.forEach((text, i) => {
        const item = el('div', 'ui-sheet-item', String(text))
        item.style.color = args.itemColor || '#000000'
        item.onclick = (e) => { e.stopPropagation(); done({ errMsg: 'showActionSheet:ok', tapIndex: i }) }
        sheet.appendChild(item)
      })
      const cancel = el('div', 'ui-sheet-item ui-sheet-cancel', '取消')
      cancel.onclick = (e) => { e.stopPropagation(); done({ errMsg: 'showActionSheet:fail cancel' }) }
      sheet.appendChild(cancel)
      mask.onclick = () => done({ errMsg: 'showActionSheet:fail cancel' })
      mask.appendChild(sheet)
      layer().appendChild(mask)
    })
  }

  // The helpers the shell's other scripts share (dialogs.js, device.js, media.js).

  // param is the errMsg of an argument of the wrong type.
  const param = (api, name, type) => `${api}:fail parameter error: parameter.${name} should be ${type}`

  // download saves a Blob or a URL as a file named name, as the browser saves any download.
  function download(href, name) {
    const a = document.createElement('a')
    a.href = typeof href === 'string' ? href : URL.createObjectURL(href)
    a.download = name
    document.body.appendChild(a)
    a.click()
    a.remove()
    if (typeof href !== 'string') setTimeout(() => URL.revokeObjectURL(a.href), 60000)
  }

  return { showToast, hideToast, toastKind, showModal, showActionSheet, el, param, download }
})()

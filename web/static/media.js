// Pictures, videos and files as the shell handles them: choosing them with the computer's
// file picker (after the phone's sheet, whose tap lets the browser open the picker), the
// chosen files kept as temporary files of the sandbox (POST /apihelper/tempfile),
// previewing pictures over the device, and saving to the "album" as a download.
'use strict'
;(function () {
  const ui = () => window.mpsimUI
  const { param, download } = window.mpsimUI

  // pick opens the computer's file picker and resolves with the chosen files, or null
  // when the person closed it.
  function pick(accept, multiple) {
    return new Promise((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = accept
      input.multiple = multiple
      input.hidden = true
      const done = (files) => {
        input.remove()
        resolve(files)
      }
      input.onchange = () => done([...input.files])
      input.oncancel = () => done(null)
      document.body.appendChild(input)
      input.click()
    })
  }

  // keep stores a chosen file (or a Blob) as a temporary file: { tempFilePath, size }.
  async function keep(blob, name) {
    const res = await fetch('/apihelper/tempfile?name=' + encodeURIComponent(name || ''), { method: 'POST', body: blob })
    const out = await res.json()
    if (!res.ok) throw new Error(out.error || res.statusText)
    return out
  }

  async function imageSize(file) {
    try {
      const bitmap = await createImageBitmap(file)
      const size = { width: bitmap.width, height: bitmap.height }
      bitmap.close()
      return size
    } catch {
      return { width: 0, height: 0 }
    }
  }

  // videoInfo reads a video's size and duration, and keeps its first frame as the thumbnail.
  function videoInfo(file) {
    return new Promise((resolve) => {
      const v = document.createElement('video')
      const url = URL.createObjectURL(file)
      const finish = (info) => {
        URL.revokeObjectURL(url)
        resolve(info)
      }
      v.muted = true
      v.preload = 'auto'
      v.onerror = () => finish({ width: 0, height: 0, duration: 0, thumb: null })
      v.onloadeddata = () => {
        const c = document.createElement('canvas')
        c.width = v.videoWidth
        c.height = v.videoHeight
        c.getContext('2d').drawImage(v, 0, 0)
        c.toBlob((thumb) => finish({ width: v.videoWidth, height: v.videoHeight, duration: v.duration, thumb }), 'image/jpeg', 0.8)
      }
      v.src = url
    })
  }

  const SOURCES = { album: '从手机相册选择', camera: '拍摄' }
  // sheet asks where from, as the phone does; null when cancelled.
  async function sheet(sourceType) {
    const sources = (Array.isArray(sourceType) && sourceType.length ? sourceType : ['album', 'camera']).filter((s) => SOURCES[s])
    const res = await ui().showActionSheet({ itemList: (sources.length ? sources : ['album']).map((s) => SOURCES[s] || SOURCES.album) })
    return res.tapIndex === undefined ? null : sources[res.tapIndex] || 'album'
  }

  const count = (n, max) => Math.max(1, Math.min(Number(n) || max, max))

  async function chooseImage(api, args) {
    if (!(await sheet(args.sourceType))) return `${api}:fail cancel`
    const files = await pick('image/*', count(args.count, 9) > 1)
    if (!files || !files.length) return `${api}:fail cancel`
    const tempFiles = []
    for (const f of files.slice(0, count(args.count, 9))) {
      const kept = await keep(f, f.name)
      tempFiles.push({ path: kept.tempFilePath, size: kept.size })
    }
    return { errMsg: `${api}:ok`, tempFilePaths: tempFiles.map((f) => f.path), tempFiles }
  }

  async function chooseMedia(api, args) {
    const types = Array.isArray(args.mediaType) && args.mediaType.length ? args.mediaType : ['image', 'video']
    if (!(await sheet(args.sourceType))) return `${api}:fail cancel`
    const accept = types.filter((t) => t === 'image' || t === 'video').map((t) => t + '/*').join(',') || 'image/*,video/*'
    const files = await pick(accept, count(args.count, 9) > 1)
    if (!files || !files.length) return `${api}:fail cancel`
    const tempFiles = []
    for (const f of files.slice(0, count(args.count, 9))) {
      const kept = await keep(f, f.name)
      if (f.type.startsWith('video/')) {
        const info = await videoInfo(f)
        const thumb = info.thumb ? (await keep(info.thumb, 'thumb.jpg')).tempFilePath : ''
        tempFiles.push({ tempFilePath: kept.tempFilePath, size: kept.size, duration: info.duration, width: info.width, height: info.height, thumbTempFilePath: thumb, fileType: 'video' })
      } else {
        const { width, height } = await imageSize(f)
        tempFiles.push({ tempFilePath: kept.tempFilePath, size: kept.size, width, height, fileType: 'image' })
      }
    }
    const kinds = new Set(tempFiles.map((f) => f.fileType))
    return { errMsg: `${api}:ok`, type: kinds.size > 1 ? 'mix' : [...kinds][0], tempFiles }
  }

  async function chooseVideo(api, args) {
    if (!(await sheet(args.sourceType))) return `${api}:fail cancel`
    const files = await pick('video/*', false)
    if (!files || !files.length) return `${api}:fail cancel`
    const kept = await keep(files[0], files[0].name)
    const info = await videoInfo(files[0])
    return { errMsg: `${api}:ok`, tempFilePath: kept.tempFilePath, size: kept.size, duration: info.duration, width: info.width, height: info.height }
  }

  // chooseMessageFile: the phone picks from chats; here, after one tap, from the computer.
  async function chooseMessageFile(api, args) {
    const n = Number(args.count)
    if (!Number.isInteger(n) || n < 1 || n > 100) return `${api}:fail parameter error: parameter.count should be an integer between 1 and 100`
    const res = await ui().showActionSheet({ itemList: ['从聊天中选择文件'] })
    if (res.tapIndex === undefined) return `${api}:fail cancel`
    const type = args.type || 'all'
    const accept = type === 'image' ? 'image/*' : type === 'video' ? 'video/*'
      : Array.isArray(args.extension) ? args.extension.map((e) => '.' + String(e).replace(/^\./, '')).join(',') : ''
    const files = await pick(accept, n > 1)
    if (!files || !files.length) return `${api}:fail cancel`
    const tempFiles = []
    for (const f of files.slice(0, n)) {
      const kept = await keep(f, f.name)
      const kind = f.type.startsWith('image/') ? 'image' : f.type.startsWith('video/') ? 'video' : 'file'
      tempFiles.push({ path: kept.tempFilePath, size: kept.size, name: f.name, type: kind, time: Math.floor(f.lastModified / 1000) })
    }
    return { errMsg: `${api}:ok`, tempFiles }
  }

  // urlOf is where the shell loads a mini-program's path: sandbox files under /wxfile/.
  function urlOf(p) {
    const s = String(p || '')
    const m = /^(?:wxfile:\/\/|http:\/\/(?=usr(?:\/|$)))(.*)$/.exec(s)
    if (m) return '/wxfile/' + m[1].split('/').map(encodeURIComponent).join('/')
    return s
  }

  // preview shows pictures (and videos) over the device, one at a time: a tap on the left
  // or right third goes back or on, a tap in the middle closes it.
  function preview(items, current) {
    const layer = document.getElementById('ui-layer')
    const box = document.createElement('div')
    box.className = 'ui-mask ui-preview'
    box.style.cssText = 'background:#000;display:flex;align-items:center;justify-content:center'
    const counter = document.createElement('div')
    counter.className = 'ui-preview-index'
    counter.style.cssText = 'position:absolute;top:12px;left:0;right:0;text-align:center;color:#fff;font-size:14px'
    let i = Math.max(0, items.findIndex((it) => it.url === current))
    const show = () => {
      box.querySelector('.ui-preview-item')?.remove()
      const it = items[i]
      const el = document.createElement(it.type === 'video' ? 'video' : 'img')
      el.className = 'ui-preview-item'
      el.src = urlOf(it.url)
      if (it.type === 'video') el.controls = true
      el.style.cssText = 'max-width:100%;max-height:100%;object-fit:contain'
      box.appendChild(el)
      counter.textContent = items.length > 1 ? `${i + 1}/${items.length}` : ''
    }
    box.appendChild(counter)
    box.onclick = (e) => {
      if (e.target.localName === 'video') return
      const r = box.getBoundingClientRect()
      const x = (e.clientX - r.left) / r.width
      if (x < 1 / 3 && i > 0) i--
      else if (x > 2 / 3 && i < items.length - 1) i++
      else return box.remove()
      show()
    }
    layer.appendChild(box)
    show()
  }

  // save downloads a file of the sandbox, as saving to the phone's album keeps it.
  async function save(api, args) {
    if (typeof args.filePath !== 'string' || !args.filePath) return param(api, 'filePath', 'String')
    const url = urlOf(args.filePath)
    const there = await fetch(url).catch(() => null)
    there?.body?.cancel()
    if (!there || !there.ok) return `${api}:fail file not exists`
    download(url, args.filePath.split('/').pop())
    return `${api}:ok`
  }

  // The players of InnerAudioContexts (runtime/service/media.ts), by audioId. Each
  // reports its state to the app as onAudioStateChange.
  const players = new Map()
  function player(audioId) {
    let a = players.get(audioId)
    if (a) return a
    a = new Audio()
    a.preload = 'auto'
    const report = (state, extra) => window.__mpsim.send({ command: 'APPSERVICE_ON_EVENT', data: { eventName: 'onAudioStateChange', data: Object.assign({
      audioId, state, currentTime: a.currentTime, duration: Number.isFinite(a.duration) ? a.duration : 0, paused: a.paused,
      buffered: a.buffered.length ? a.buffered.end(a.buffered.length - 1) : 0,
    }, extra || {}) } })
    const events = { canplay: 'canplay', play: 'play', pause: 'pause', ended: 'ended', timeupdate: 'timeUpdate', waiting: 'waiting', seeking: 'seeking', seeked: 'seeked' }
    for (const [type, state] of Object.entries(events)) a.addEventListener(type, () => report(state))
    a.addEventListener('error', () => report('error', { errMsg: a.error ? a.error.message || 'MEDIA_ERR_SRC_NOT_SUPPORTED' : 'error', errCode: a.error && a.error.code === 2 ? 10002 : 10004 }))
    a.report = report
    players.set(audioId, a)
    return a
  }

  const apis = {
    setAudioState: (api, args) => {
      const a = player(args.audioId)
      const src = urlOf(args.src)
      if (src && a.getAttribute('src') !== src) {
        a.src = src
        a.currentTime = Number(args.startTime) || 0
      }
      a.loop = !!args.loop
      a.volume = Math.max(0, Math.min(1, Number(args.volume ?? 1)))
      a.playbackRate = Number(args.playbackRate) || 1
      if (args.autoplay && a.paused && src) a.play().catch(() => {})
      return `${api}:ok`
    },
    operateAudio: (api, args) => {
      const a = player(args.audioId)
      switch (args.operationType) {
        case 'play':
          // A pause or stop before the sound starts interrupts play(): that is no error.
          a.play().catch((err) => err?.name !== 'AbortError' && a.report('error', { errMsg: String(err), errCode: 10001 }))
          break
        case 'pause':
          a.pause()
          break
        case 'stop':
          a.pause()
          a.currentTime = 0
          a.report('stop')
          break
        case 'seek':
          a.currentTime = Number(args.currentTime) || 0
          break
        case 'destroy':
          a.pause()
          a.removeAttribute('src')
          players.delete(args.audioId)
          break
      }
      return `${api}:ok`
    },
    chooseImage, chooseMedia, chooseVideo, chooseMessageFile,
    previewImage: (api, args) => {
      if (!Array.isArray(args.urls) || !args.urls.length) return param(api, 'urls', 'Array')
      preview(args.urls.map((url) => ({ url: String(url), type: 'image' })), args.current ?? args.urls[0])
      return `${api}:ok`
    },
    previewMedia: (api, args) => {
      if (!Array.isArray(args.sources) || !args.sources.length) return param(api, 'sources', 'Array')
      const items = args.sources.map((s) => ({ url: String(s.url), type: s.type === 'video' ? 'video' : 'image' }))
      preview(items, items[Number(args.current) || 0]?.url)
      return `${api}:ok`
    },
    saveImageToPhotosAlbum: save,
    saveVideoToPhotosAlbum: save,
    saveFileToDisk: save,
    // A document opens in a new tab of the browser, as the phone opens its viewer.
    openDocument: async (api, args) => {
      if (typeof args.filePath !== 'string' || !args.filePath) return param(api, 'filePath', 'String')
      const url = urlOf(args.filePath)
      const there = await fetch(url).catch(() => null)
      there?.body?.cancel()
      if (!there || !there.ok) return `${api}:fail file not exists`
      window.open(url, '_blank', 'noopener')
      return `${api}:ok`
    },
    getVideoInfo: async (api, args) => {
      if (typeof args.src !== 'string' || !args.src) return param(api, 'src', 'String')
      const res = await fetch(urlOf(args.src)).catch(() => null)
      if (!res || !res.ok) return `${api}:fail file not exists`
      const blob = await res.blob()
      const info = await videoInfo(blob)
      if (!info.duration) return `${api}:fail the file is no video the browser can read`
      return { errMsg: `${api}:ok`, duration: info.duration, size: Math.round(blob.size / 1024), width: info.width, height: info.height, orientation: 'up', type: args.src.split('.').pop().toLowerCase(), bitrate: Math.round((blob.size * 8) / info.duration / 1000), fps: 0 }
    },
  }
  ;(window.mpsimShellAPIs = window.mpsimShellAPIs || []).push(apis)
})()

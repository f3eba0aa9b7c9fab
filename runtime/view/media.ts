// Media components: video and audio (a real <video> / <audio> playing the project's files
// and http sources, with the phone's events), web-view (its src in an iframe), cover-view
// and cover-image, and placeholders for what a browser cannot show (map, camera, ...).
import type { Builtin, Emit } from './builtins'
import { bool, prop } from './drag'

const num = (v: number) => (Number.isFinite(v) ? v : 0)

// mediaEvents reports a media element's events with the phone's detail.
function mediaEvents(m: HTMLMediaElement, emit: Emit) {
  m.addEventListener('play', () => emit('play', {}, false))
  m.addEventListener('pause', () => {
    // The phone reports an end, not a pause, when a video plays to its end.
    if (!m.ended) emit('pause', {}, false)
  })
  m.addEventListener('ended', () => emit('ended', {}, false))
  m.addEventListener('timeupdate', () => emit('timeupdate', { currentTime: num(m.currentTime), duration: num(m.duration) }, false))
  m.addEventListener('waiting', () => emit('waiting', {}, false))
  m.addEventListener('error', () => {
    const code = m.error?.code ?? 0
    const names = ['', 'MEDIA_ERR_ABORTED', 'MEDIA_ERR_NETWORK', 'MEDIA_ERR_DECODE', 'MEDIA_ERR_SRC_NOT_SUPPORTED']
    emit('error', { errMsg: names[code] || 'MEDIA_ERR_SRC_NOT_SUPPORTED' }, false)
  })
  m.addEventListener('progress', () => {
    const b = m.buffered
    if (b.length && m.duration) emit('progress', { buffered: Math.round((b.end(b.length - 1) / m.duration) * 100) }, false)
  })
}

// ---- video ----

export const video: Builtin = {
  create(el, emit) {
    const v = el.ownerDocument.createElement('video')
    v.style.cssText = 'display:block;width:100%;height:100%;background:#000;object-fit:contain'
    v.controls = true
    v.playsInline = true
    v.preload = 'metadata'
    el.appendChild(v)
    ;(el as any).__media = v
    mediaEvents(v, emit)
    v.addEventListener('loadedmetadata', () => {
      const t = Number(prop(el, 'initial-time') ?? 0)
      if (t > 0) v.currentTime = t
      emit('loadedmetadata', { width: v.videoWidth, height: v.videoHeight, duration: num(v.duration) }, false)
    })
    v.addEventListener('seeked', () => emit('seekcomplete', { position: v.currentTime }, false))
    el.ownerDocument.addEventListener('fullscreenchange', () => {
      const full = el.ownerDocument.fullscreenElement === v
      if (full !== !!(el as any).__full) {
        ;(el as any).__full = full
        emit('fullscreenchange', { fullScreen: full, direction: 'vertical' }, false)
      }
    })
  },
  set(el, name, value) {
    const v = (el as any).__media as HTMLVideoElement
    switch (name) {
      case 'src':
        if (v.getAttribute('src') !== String(value ?? '')) v.src = String(value ?? '')
        return false
      case 'controls':
        v.controls = bool(value)
        return false
      case 'autoplay':
        v.autoplay = bool(value)
        if (v.autoplay && v.paused && v.src) v.play().catch(() => {})
        return false
      case 'loop':
        v.loop = bool(value)
        return false
      case 'muted':
        v.muted = bool(value)
        return false
      case 'poster':
        v.poster = String(value ?? '')
        return false
      case 'object-fit':
        v.style.objectFit = ['fill', 'cover', 'contain'].includes(String(value)) ? String(value) : 'contain'
        return false
    }
    return false
  },
}

// ---- audio ----

// The phone's (old) audio component: a bar with the poster, the play button, name,
// author and time, over a real <audio>.
function fmt(t: number) {
  const s = Math.floor(num(t))
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}

export const audio: Builtin = {
  create(el, emit) {
    const doc = el.ownerDocument
    const root = el.attachShadow({ mode: 'open' })
    root.innerHTML =
      '<style>:host{display:none}:host([controls]){display:inline-block}' +
      '.box{display:flex;align-items:center;width:300px;height:75px;background:#fcfcfc;border:1px solid #e0e0e0;box-sizing:border-box;font:13px sans-serif}' +
      '.poster{width:75px;height:75px;margin:-1px 0 -1px -1px;background:#e6e6e6 center/cover no-repeat;display:flex;align-items:center;justify-content:center;cursor:pointer;flex:none}' +
      '.btn{width:24px;height:24px;border:2px solid #fff;border-radius:50%;display:flex;align-items:center;justify-content:center;background:rgba(0,0,0,.2)}' +
      '.tri{width:0;height:0;border-left:8px solid #fff;border-top:5px solid transparent;border-bottom:5px solid transparent;margin-left:2px}' +
      '.bars{width:8px;height:10px;border-left:3px solid #fff;border-right:3px solid #fff;box-sizing:border-box}' +
      '.info{flex:1;padding:0 14px;overflow:hidden}.name{font-size:14px;color:#353535}.author{color:#888;margin-top:6px}' +
      '.time{color:#888;padding-right:14px;align-self:flex-start;margin-top:12px}</style>' +
      '<div class="box" part="box"><div class="poster"><div class="btn"><div class="tri"></div></div></div>' +
      '<div class="info"><div class="name"></div><div class="author"></div></div><div class="time">00:00</div></div>'
    const a = doc.createElement('audio')
    a.preload = 'metadata'
    root.appendChild(a)
    ;(el as any).__media = a
    ;(el as any).__audio = root
    mediaEvents(a, emit)
    const btn = root.querySelector('.btn') as HTMLElement
    const time = root.querySelector('.time') as HTMLElement
    const paint = () => {
      btn.innerHTML = a.paused ? '<div class="tri"></div>' : '<div class="bars"></div>'
      time.textContent = fmt(a.currentTime)
    }
    for (const t of ['play', 'pause', 'ended', 'timeupdate']) a.addEventListener(t, paint)
    root.querySelector('.poster')!.addEventListener('click', () => {
      if (a.paused) a.play().catch(() => {})
      else a.pause()
    })
  },
  set(el, name, value) {
    const a = (el as any).__media as HTMLAudioElement
    const root = (el as any).__audio as ShadowRoot
    switch (name) {
      case 'src':
        a.src = String(value ?? '')
        return false
      case 'loop':
        a.loop = bool(value)
        return false
      case 'controls':
        if (bool(value)) el.setAttribute('controls', '')
        else el.removeAttribute('controls')
        return true
      case 'poster':
        ;(root.querySelector('.poster') as HTMLElement).style.backgroundImage = value ? `url(${JSON.stringify(String(value))})` : ''
        return false
      case 'name':
        root.querySelector('.name')!.textContent = String(value ?? '')
        return false
      case 'author':
        root.querySelector('.author')!.textContent = String(value ?? '')
        return false
    }
    return false
  },
}

// ---- web-view ----

// web-view shows its page over the whole page, as on a phone; bindload / binderror
// report {src}.
export const webView: Builtin = {
  create(el, emit) {
    const f = el.ownerDocument.createElement('iframe')
    f.style.cssText = 'display:block;width:100%;height:100%;border:0'
    f.addEventListener('load', () => emit('load', { src: f.src }, false))
    f.addEventListener('error', () => emit('error', { src: f.src }, false))
    el.appendChild(f)
    ;(el as any).__frame = f
  },
  set(el, name, value) {
    if (name === 'src') {
      const src = String(value ?? '')
      // Only web pages: no script URLs.
      ;(el as any).__frame.src = /^\s*javascript:/i.test(src) ? 'about:blank' : src
      return true
    }
    return false
  },
}

// ---- cover-view, cover-image ----

export const coverView: Builtin = {
  create() {},
  set(el, name, value) {
    if (name === 'scroll-top') {
      const top = Number(value) || 0
      requestAnimationFrame(() => (el.scrollTop = top))
    }
    return false
  },
}

export const coverImage: Builtin = {
  create(el, emit) {
    const img = el.ownerDocument.createElement('img')
    img.style.cssText = 'display:block;width:100%;height:100%'
    img.addEventListener('load', () => emit('load', { width: img.naturalWidth, height: img.naturalHeight }, false))
    // As image's error (image.ts): the src as given, in the phone's words.
    img.addEventListener('error', () => emit('error', { errMsg: `GET ${img.getAttribute('src')} 404 (Not Found)` }, false))
    el.appendChild(img)
    ;(el as any).__img = img
  },
  set(el, name, value) {
    if (name === 'src') {
      ;(el as any).__img.src = String(value ?? '')
      return false
    }
    return false
  },
}

// ---- what the simulator cannot show ----

const warned = new Set<string>()

// placeholder is a clear box in place of a native component a browser cannot show, with
// its children (cover-view over a map) still rendered; the console says so once per tag.
export function placeholder(tag: string, what: string): Builtin {
  return {
    create(el) {
      const root = el.attachShadow({ mode: 'open' })
      root.innerHTML =
        '<style>:host{display:block;position:relative;height:150px;background:repeating-linear-gradient(45deg,#f4f4f4,#f4f4f4 10px,#ececec 10px,#ececec 20px);border:1px dashed #b2b2b2;box-sizing:border-box;overflow:hidden}' +
        '.label{position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center;color:#888;font:13px/1.5 sans-serif;padding:8px;pointer-events:none}' +
        '.tag{font-weight:600;color:#576b95}</style>' +
        `<div class="label" part="label"><div class="tag">&lt;${tag}&gt;</div><div>${what}</div><div>The simulator cannot show it: try it on a phone.</div></div><slot></slot>`
      if (!warned.has(tag)) {
        warned.add(tag)
        console.warn(`[mpsim] <${tag}> (${what}) cannot be shown in the simulator; a placeholder takes its place. Try it on a phone.`)
      }
    },
    set: () => false,
  }
}

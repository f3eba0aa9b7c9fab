// The media APIs the service layer has a part in: a network picture for getImageInfo is
// downloaded first, as the phone does; the media contexts drive the page's and the
// shell's players.
import { argsOf, type Invoker, type Res, type Options } from './wx'


const isRemote = (src: string) => /^https?:\/\//.test(src) && !/^http:\/\/usr(\/|$)/.test(src)

export function mediaAPIs(inv: Invoker) {
  const ok = (api: string, fields: Record<string, unknown> = {}) => (opts?: Options) => inv.settle(opts, Promise.resolve({ ...fields, errMsg: `${api}:ok` }))
  return {
    ...audioAPIs(inv),
    // The simulator does not re-encode videos: the compressed file is the original.
    compressVideo: (opts?: Options) => {
      const src = String(argsOf(opts).src ?? '')
      if (!src) return inv.settle(opts, Promise.resolve({ errMsg: 'compressVideo:fail parameter error: parameter.src should be String' }))
      return inv.settle(opts, inv.invoke('FileSystemManager.getFileInfo', { filePath: src }).then((r: Res) =>
        /:ok\b/.test(r.errMsg) ? { errMsg: 'compressVideo:ok', tempFilePath: src, size: Math.round(Number(r.size) / 1024) } : { errMsg: `compressVideo:fail file not exists` }))
    },
    checkDeviceSupportHevc: ok('checkDeviceSupportHevc', { supported: false }),
    getImageInfo: (opts?: Options) => {
      const args = argsOf(opts)
      const src = String(args.src ?? '')
      if (!isRemote(src)) return inv.call('getImageInfo', opts)
      const done = inv.invoke('downloadFile', { url: src }).then((d: Res): Res | Promise<Res> => {
        if (!/:ok\b/.test(d.errMsg) || (d.statusCode as number) >= 400) return { errMsg: `getImageInfo:fail download ${src} failed: ${d.errMsg} ${d.statusCode ?? ''}`.trim() }
        return inv.invoke('getImageInfo', { src: d.tempFilePath })
      })
      return inv.settle(opts, done)
    },
  }
}

// The events of an audio or video context, as the phone names them (onCanplay ...).
const AUDIO_EVENTS = ['Canplay', 'Play', 'Pause', 'Stop', 'Ended', 'TimeUpdate', 'Error', 'Waiting', 'Seeking', 'Seeked']

let nextAudioId = 1

// InnerAudioContext plays through the shell (web/static/media.js): the service layer has
// no <audio>. Its settings go as setAudioState, its methods as operateAudio, and the
// shell reports the player's state back as onAudioStateChange events.
export class InnerAudioContext {
  [k: string]: unknown
  readonly audioId = nextAudioId++
  private settings: Record<string, unknown> = { src: '', startTime: 0, autoplay: false, loop: false, volume: 1, playbackRate: 1, obeyMuteSwitch: true }
  private state = { duration: 0, currentTime: 0, paused: true, buffered: 0 }
  private listeners: Record<string, Set<(res: unknown) => void>> = {}
  private queued = false

  // playOnSrc makes setting src start playing, as the background audio manager does.
  constructor(
    private inv: Invoker,
    playOnSrc = false,
  ) {
    for (const [name, value] of Object.entries(this.settings)) {
      Object.defineProperty(this, name, {
        get: () => this.settings[name],
        set: (v: unknown) => {
          this.settings[name] = typeof value === 'number' ? Number(v) : typeof value === 'boolean' ? !!v : String(v ?? '')
          if (name === 'src' && playOnSrc) this.settings.autoplay = true
          this.sendSettings()
        },
        enumerable: true,
      })
    }
    for (const name of Object.keys(this.state)) Object.defineProperty(this, name, { get: () => (this.state as any)[name], enumerable: true })
    for (const e of AUDIO_EVENTS) {
      const set = (this.listeners[e.toLowerCase()] = new Set())
      this[`on${e}`] = (f: (res: unknown) => void) => void (typeof f === 'function' && set.add(f))
      this[`off${e}`] = (f?: (res: unknown) => void) => void (typeof f === 'function' ? set.delete(f) : set.clear())
    }
  }

  // The settings of one task go to the shell together.
  private sendSettings() {
    if (this.queued) return
    this.queued = true
    queueMicrotask(() => {
      this.queued = false
      this.inv.invoke('setAudioState', { audioId: this.audioId, ...this.settings })
    })
  }

  private operate(operationType: string, extra: Record<string, unknown> = {}) {
    const send = () => this.inv.invoke('operateAudio', { audioId: this.audioId, operationType, ...extra })
    // After the settings of this task, which go out at its end.
    if (this.queued) queueMicrotask(send)
    else send()
  }

  play() {
    this.operate('play')
  }
  pause() {
    this.operate('pause')
  }
  stop() {
    this.operate('stop')
  }
  seek(position: number) {
    this.operate('seek', { currentTime: Number(position) || 0 })
  }
  destroy() {
    this.operate('destroy')
    for (const set of Object.values(this.listeners)) set.clear()
  }

  // changed is the shell's report of the player: its state, and the event it raised.
  changed(d: { state: string; duration?: number; currentTime?: number; paused?: boolean; buffered?: number; errMsg?: string; errCode?: number }) {
    Object.assign(this.state, {
      duration: d.duration ?? this.state.duration,
      currentTime: d.currentTime ?? this.state.currentTime,
      paused: d.paused ?? this.state.paused,
      buffered: d.buffered ?? this.state.buffered,
    })
    const res = d.state === 'error' ? { errMsg: d.errMsg || '', errCode: d.errCode ?? -1 } : {}
    for (const f of [...(this.listeners[d.state.toLowerCase()] || [])]) {
      try {
        f(res)
      } catch (err) {
        this.inv.onUserError(err)
      }
    }
  }
}

// A page's media element stands in the service layer as this (backend getContext): its
// operations go to the page layer, after the render operations so far.
export type MediaNode = { operate: (type: string, args?: unknown[]) => void }

// mediaContext is a context bound to the element with id in component (or the page on
// top): the element is found once, and the calls made before that wait for it, in order.
export function mediaContext(find: () => Promise<MediaNode | null>, methods: string[], what: string) {
  let node: Promise<MediaNode | null> | null = null
  const ctx: Record<string, (...args: unknown[]) => void> = {}
  for (const m of methods) {
    ctx[m] = (...args: unknown[]) => {
      node ??= find()
      node.then((n) => {
        if (n) n.operate(m, args.map((a) => (typeof a === 'function' ? null : a)))
        else console.warn(`[mpsim] ${what}.${m}: no such element on the page`)
      })
    }
  }
  return ctx
}

export const VIDEO_METHODS = ['play', 'pause', 'stop', 'seek', 'playbackRate', 'requestFullScreen', 'exitFullScreen', 'showStatusBar', 'hideStatusBar', 'sendDanmu', 'requestPictureInPicture', 'exitPictureInPicture', 'requestBackgroundPlayback', 'exitBackgroundPlayback']
export const AUDIO_METHODS = ['play', 'pause', 'seek', 'setSrc']

// audioAPIs make the contexts that play through the shell, and keep its players'
// reports going to them.
export function audioAPIs(inv: Invoker) {
  const contexts = new Map<number, InnerAudioContext>()
  inv.onEvent('onAudioStateChange', (d) => contexts.get(Number(d?.audioId))?.changed(d))
  const create = (playOnSrc = false) => {
    const ctx = new InnerAudioContext(inv, playOnSrc)
    contexts.set(ctx.audioId, ctx)
    return ctx
  }
  let background: InnerAudioContext | null = null
  const backgroundAudio = () => (background ??= backgroundAudioManager(create(true)))
  // The old global background audio API follows the manager.
  const legacy = (event: string) => (f: (res: unknown) => void) => (backgroundAudio() as any)[`on${event}`](f)
  const done = (api: string) => (opts?: Options, run?: () => void) => {
    run?.()
    return inv.settle(opts, Promise.resolve({ errMsg: `${api}:ok` }))
  }
  let voice: InnerAudioContext | null = null
  return {
    createInnerAudioContext: () => create(),
    getBackgroundAudioManager: backgroundAudio,
    playBackgroundAudio: (opts: Options = {}) => done('playBackgroundAudio')(opts, () => {
      const m = backgroundAudio()
      if (opts.title !== undefined) m.title = opts.title
      if (opts.coverImgUrl !== undefined) m.coverImgUrl = opts.coverImgUrl
      m.src = opts.dataUrl
    }),
    pauseBackgroundAudio: (opts?: Options) => done('pauseBackgroundAudio')(opts, () => backgroundAudio().pause()),
    stopBackgroundAudio: (opts?: Options) => done('stopBackgroundAudio')(opts, () => backgroundAudio().stop()),
    seekBackgroundAudio: (opts: Options = {}) => done('seekBackgroundAudio')(opts, () => backgroundAudio().seek(Number(opts.position) || 0)),
    getBackgroundAudioPlayerState: (opts?: Options) => {
      const m = backgroundAudio()
      return inv.settle(opts, Promise.resolve({
        errMsg: 'getBackgroundAudioPlayerState:ok', duration: m.duration, currentPosition: m.currentTime,
        status: !m.src ? 2 : m.paused ? 0 : 1, downloadPercent: m.duration ? Math.round((Number(m.buffered) / Number(m.duration)) * 100) : 0, dataUrl: m.src,
      }))
    },
    onBackgroundAudioPlay: legacy('Play'),
    onBackgroundAudioPause: legacy('Pause'),
    onBackgroundAudioStop: legacy('Stop'),
    // A voice message plays to its end, then success runs, as on the phone.
    playVoice: (opts: Options = {}) => {
      voice?.destroy()
      const ctx = (voice = create())
      const finished = new Promise<Res>((resolve) => {
        ctx.onEnded(() => resolve({ errMsg: 'playVoice:ok' }))
        ctx.onStop(() => resolve({ errMsg: 'playVoice:ok' }))
        ctx.onError((r: any) => resolve({ errMsg: `playVoice:fail ${r?.errMsg || 'cannot play'}` }))
      })
      ctx.src = String(opts.filePath ?? '')
      ctx.play()
      return inv.settle(opts, finished)
    },
    pauseVoice: (opts?: Options) => done('pauseVoice')(opts, () => voice?.pause()),
    stopVoice: (opts?: Options) => done('stopVoice')(opts, () => voice?.stop()),
    setInnerAudioOption: (opts?: Options) => inv.settle(opts, Promise.resolve({ errMsg: 'setInnerAudioOption:ok' })),
    getAvailableAudioSources: (opts?: Options) => inv.settle(opts, Promise.resolve({ errMsg: 'getAvailableAudioSources:ok', audioSources: ['auto', 'buildInMic', 'headsetMic'] })),
  }
}

// backgroundAudioManager makes ctx (which plays once it has a src) the phone's
// background audio: title, epname, singer and coverImgUrl are kept (a browser shows no
// lock screen), and there is no previous or next track to go to.
function backgroundAudioManager(ctx: InnerAudioContext) {
  Object.assign(ctx, { title: '', epname: '', singer: '', coverImgUrl: '', webUrl: '', protocol: 'http', referrerPolicy: 'origin', onPrev: () => {}, onNext: () => {} })
  return ctx
}

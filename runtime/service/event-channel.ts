// EventChannel links a page and the page it opened with wx.navigateTo: what one side
// emits, the other side's listeners receive (the `events` option and
// getOpenerEventChannel()).
type Listener = { fn: (...args: unknown[]) => void; once: boolean }

export class EventChannel {
  peer: EventChannel | null = null
  private listeners = new Map<string, Listener[]>()
  // Events emitted before the other side listens wait for it, as on the phone.
  private pending: [string, unknown[]][] = []

  static pair(): [EventChannel, EventChannel] {
    const a = new EventChannel()
    const b = new EventChannel()
    a.peer = b
    b.peer = a
    return [a, b]
  }

  on(name: string, fn: (...args: unknown[]) => void) {
    this.add(name, fn, false)
  }

  once(name: string, fn: (...args: unknown[]) => void) {
    this.add(name, fn, true)
  }

  off(name: string, fn?: (...args: unknown[]) => void) {
    if (!fn) this.listeners.delete(name)
    else this.listeners.set(name, (this.listeners.get(name) || []).filter((l) => l.fn !== fn))
  }

  emit(name: string, ...args: unknown[]) {
    this.peer?.deliver(name, args)
  }

  private add(name: string, fn: (...args: unknown[]) => void, once: boolean) {
    const ls = this.listeners.get(name) || []
    ls.push({ fn, once })
    this.listeners.set(name, ls)
    const waiting = this.pending.filter(([n]) => n === name)
    this.pending = this.pending.filter(([n]) => n !== name)
    for (const [, args] of waiting) this.deliver(name, args)
  }

  private deliver(name: string, args: unknown[]) {
    const ls = this.listeners.get(name)
    if (!ls || ls.length === 0) {
      this.pending.push([name, args])
      return
    }
    this.listeners.set(name, ls.filter((l) => !l.once))
    for (const l of ls) l.fn(...args)
  }
}

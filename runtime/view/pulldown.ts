// Pull-down refresh of a page whose window sets enablePullDownRefresh: dragging down from
// the top of the page reveals the loading dots over the window's backgroundColor; let go
// far enough and the page hears onPullDownRefresh, and stays open until
// wx.stopPullDownRefresh. wx.startPullDownRefresh opens it the same way.

// The distance at which a pull refreshes, and where the page rests while refreshing.
const REFRESH_AT = 50

type Settings = { enabled: boolean; backgroundColor: string; textStyle: string }

export class PullDown {
  private area: HTMLElement
  private distance = 0
  private refreshing = false
  private drag: { pointerId: number; startY: number } | null = null

  constructor(
    private root: HTMLElement,
    // settings reads the page's window settings (the shell keeps them on the iframe).
    private settings: () => Settings,
    private onRefresh: () => void,
  ) {
    this.area = document.createElement('div')
    this.area.id = 'pull-down'
    this.area.style.cssText = 'position: fixed; left: 0; right: 0; top: 0; height: 0; overflow: hidden; display: flex; align-items: center; justify-content: center; gap: 6px;'
    for (let i = 0; i < 3; i++) {
      const dot = document.createElement('span')
      dot.style.cssText = 'width: 6px; height: 6px; border-radius: 50%;'
      this.area.appendChild(dot)
    }
    document.body.insertBefore(this.area, document.body.firstChild)
    document.addEventListener('pointerdown', (e) => this.down(e))
    document.addEventListener('pointermove', (e) => this.move(e))
    document.addEventListener('pointerup', (e) => this.up(e))
    document.addEventListener('pointercancel', (e) => this.up(e))
  }

  // start opens it from code (wx.startPullDownRefresh).
  start() {
    if (!this.settings().enabled && !this.refreshing) this.paint()
    this.refresh()
  }

  stop() {
    this.refreshing = false
    this.set(0, true)
  }

  private down(e: PointerEvent) {
    if (this.refreshing || !this.settings().enabled || (document.scrollingElement?.scrollTop ?? 0) > 0) return
    if (e.pointerType === 'mouse' && e.button !== 0) return
    this.drag = { pointerId: e.pointerId, startY: e.clientY }
  }

  private move(e: PointerEvent) {
    if (!this.drag || e.pointerId !== this.drag.pointerId) return
    const dy = e.clientY - this.drag.startY
    // The further the pull, the more it resists, as on a phone.
    this.set(dy > 0 ? Math.min(dy * 0.6, REFRESH_AT * 2) : 0, false)
  }

  private up(e: PointerEvent) {
    if (!this.drag || e.pointerId !== this.drag.pointerId) return
    this.drag = null
    if (this.distance >= REFRESH_AT) this.refresh()
    else this.set(0, true)
  }

  private refresh() {
    this.paint()
    this.set(REFRESH_AT, true)
    if (this.refreshing) return
    this.refreshing = true
    this.onRefresh()
  }

  private paint() {
    const s = this.settings()
    this.area.style.background = s.backgroundColor
    const color = s.textStyle === 'light' ? 'rgba(255,255,255,.8)' : 'rgba(0,0,0,.4)'
    for (const dot of this.area.children) (dot as HTMLElement).style.background = color
  }

  private set(distance: number, animate: boolean) {
    this.distance = distance
    if (distance > 0) this.paint()
    const transition = animate ? 'transform .3s, height .3s' : ''
    this.root.style.transition = transition
    this.area.style.transition = animate ? 'height .3s' : ''
    this.root.style.transform = distance > 0 ? `translateY(${distance}px)` : ''
    this.area.style.height = distance + 'px'
  }
}

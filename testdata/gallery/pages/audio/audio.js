Page({
  data: { plays: 0, pauses: 0, ends: 0, time: '', error: '' },
  onPlay() { this.setData({ plays: this.data.plays + 1 }) },
  onPause() { this.setData({ pauses: this.data.pauses + 1 }) },
  onEnded() { this.setData({ ends: this.data.ends + 1 }) },
  onTime(e) { this.setData({ time: `${e.detail.currentTime} / ${e.detail.duration}` }) },
  onError(e) { this.setData({ error: e.detail.errMsg }) },
})

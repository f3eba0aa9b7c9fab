const wxml = `<view class="container"><view class="item-box red"></view><view class="item-box green"><text class="text">yeah!</text></view><view class="item-box blue"></view></view>`
const style = {
  container: { width: 300, height: 200, flexDirection: 'row', justifyContent: 'space-around', backgroundColor: '#ccc', alignItems: 'center' },
  itemBox: { width: 80, height: 60 },
  red: { backgroundColor: '#ff0000' }, green: { backgroundColor: '#00ff00' }, blue: { backgroundColor: '#0000ff' },
  text: { width: 80, height: 60, textAlign: 'center', verticalAlign: 'middle' },
}
Page({
  data: { out: '', src: '' },
  onReady() { this.widget = this.selectComponent('.widget') },
  async go() {
    try {
      const c = await this.widget.renderToCanvas({ wxml, style })
      const res = await this.widget.canvasToTempFilePath()
      this.setData({ out: `${c.layoutBox.width}x${c.layoutBox.height} ${res.tempFilePath.slice(0, 12)}`, src: res.tempFilePath, width: c.layoutBox.width, height: c.layoutBox.height })
    } catch (e) { this.setData({ out: 'error ' + e.message }) }
  },
})

Page({
  data: { tabs: [], activeTab: 0, clicked: '', changed: '' },
  onLoad() {
    const titles = ['Home', 'Food', 'Fresh', 'Shopping', 'Drinks', 'Services', 'Leisure', 'Travel']
    this.setData({ tabs: titles.map((title) => ({ title })) })
  },
  onTabClick(e) {
    this.setData({ activeTab: e.detail.index, clicked: 'click ' + e.detail.index })
  },
  onChange(e) {
    this.setData({ activeTab: e.detail.index, changed: 'change ' + e.detail.index })
  }
})

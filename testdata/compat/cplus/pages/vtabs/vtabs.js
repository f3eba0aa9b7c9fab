Page({
  data: { vtabs: [], activeTab: 0, status: 'none' },
  onLoad() {
    const titles = ['Hot', 'Phones', 'Appliances', 'Fruit', 'Drinks', 'Food', 'Beauty', 'Cleaning', 'Women', 'Men', 'Shoes', 'Sports']
    this.setData({ vtabs: titles.map((title) => ({ title })) })
  },
  onTabClick(e) {
    this.setData({ status: 'click ' + e.detail.index })
  },
  onChange(e) {
    this.setData({ status: 'change ' + e.detail.index })
  }
})

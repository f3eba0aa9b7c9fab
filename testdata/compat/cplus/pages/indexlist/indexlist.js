const cities = {
  A: ['Aba', 'Akesu', 'Alashan', 'Ankang', 'Anqing', 'Anshan', 'Anshun', 'Anyang'],
  B: ['Baicheng', 'Baise', 'Baishan', 'Baiyin', 'Baoding', 'Baoji', 'Baoshan', 'Baotou', 'Bazhong', 'Beihai', 'Beijing'],
  C: ['Cangzhou', 'Changchun', 'Changde', 'Changsha', 'Changzhi', 'Chaozhou', 'Chengde', 'Chengdu', 'Chenzhou'],
  D: ['Dali', 'Dalian', 'Dandong', 'Daqing', 'Datong', 'Dazhou', 'Deyang', 'Dongguan'],
  F: ['Fangchenggang', 'Foshan', 'Fushun', 'Fuxin', 'Fuyang', 'Fuzhou'],
  G: ['Ganzhou', 'Guangan', 'Guangyuan', 'Guangzhou', 'Guilin', 'Guiyang', 'Guyuan'],
  H: ['Haikou', 'Handan', 'Hangzhou', 'Hanzhong', 'Harbin', 'Hefei', 'Hengyang', 'Huizhou'],
  K: ['Kaifeng', 'Kashi', 'Kunming'],
  L: ['Lanzhou', 'Lhasa', 'Lijiang', 'Linyi', 'Liuzhou', 'Luoyang'],
  N: ['Nanchang', 'Nanjing', 'Nanning', 'Nantong', 'Ningbo'],
  Q: ['Qingdao', 'Qinhuangdao', 'Quanzhou'],
  S: ['Sanya', 'Shanghai', 'Shantou', 'Shenyang', 'Shenzhen', 'Suzhou'],
  T: ['Taiyuan', 'Tangshan', 'Tianjin'],
  W: ['Weifang', 'Wenzhou', 'Wuhan', 'Wuxi'],
  X: ['Xiamen', 'Xian', 'Xining', 'Xuzhou'],
  Y: ['Yangzhou', 'Yantai', 'Yinchuan'],
  Z: ['Zhengzhou', 'Zhuhai', 'Zibo']
}

Page({
  data: { list: [], chosen: 'none' },
  onLoad() {
    const list = Object.keys(cities).map((alpha) => ({ alpha, subItems: cities[alpha].map((name) => ({ name })) }))
    this.setData({ list })
  },
  onChoose(e) {
    this.setData({ chosen: e.detail.item.name })
  }
})

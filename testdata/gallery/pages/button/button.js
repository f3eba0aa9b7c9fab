Page({
  data: { loading: false, out: '' },
  toggleLoading() {
    this.setData({ loading: !this.data.loading })
  },
  onUser(e) {
    this.setData({ out: e.type + ' ' + e.detail.errMsg + ' ' + e.detail.userInfo.nickName })
  },
  onPhone(e) {
    this.setData({ out: e.type + ' ' + e.detail.errMsg + ' ' + e.detail.code })
  },
  onAvatar(e) {
    this.setData({ out: e.type + ' ' + e.detail.avatarUrl.slice(0, 18) })
  },
  onContact(e) {
    this.setData({ out: e.type + ' ' + e.detail.errMsg })
  },
  onShareAppMessage(res) {
    this.setData({ out: 'share ' + res.from + ' ' + res.target.dataset.from })
    return { title: 'gallery' }
  },
})

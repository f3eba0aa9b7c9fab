Component({
  properties: {
    label: {
      type: String,
      // A query made while the page's tree is being built, before the page is on the
      // stack (iView Weapp's swipeout does it), scoped to the component by in().
      observer() {
        this.early = wx.createSelectorQuery().in(this)
      },
    },
  },
  data: { early: '' },
  lifetimes: {
    ready() {
      this.early.select('.inner').boundingClientRect((r) => this.setData({ early: r ? `early ${r.width}` : 'early null' })).exec()
    },
  },
  methods: {
    // watch reports, through a component's own IntersectionObserver with thresholds,
    // whether its inner node is on screen.
    watch(report) {
      this.createIntersectionObserver({ thresholds: [0, 1] }).relativeToViewport().observe('.inner', (res) => {
        report(`${res.intersectionRatio === 1 ? 'full' : res.intersectionRatio > 0 ? 'part' : 'off'} ${res.id}`)
      })
    },
  },
})

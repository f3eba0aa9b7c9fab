Component({
  properties: { label: String },
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

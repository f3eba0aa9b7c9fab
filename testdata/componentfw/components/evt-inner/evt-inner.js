Component({
  methods: {
    plain() { this.triggerEvent('ping', { n: 1 }) },
    bubbles() { this.triggerEvent('pingb', {}, { bubbles: true }) },
    composed() { this.triggerEvent('pingbc', {}, { bubbles: true, composed: true }) },
    capture() { this.triggerEvent('pingcap', {}, { bubbles: true, composed: true, capturePhase: true }) },
  },
})

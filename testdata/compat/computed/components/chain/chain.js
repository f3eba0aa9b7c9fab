// glass-easel's Chaining API with computed() and watch() from an init function.
const { computed, watch } = require('miniprogram-computed')

Component()
  .data(() => ({ x: 2, y: 3, log: '' }))
  .init((ctx) => {
    const { setData, data, method } = ctx
    computed(ctx, {
      product: (d) => d.x * d.y,
    }, {
      label: (d) => `p=${d.product}`,
    })
    watch(ctx, 'x, y', (x, y) => {
      setData({ log: `${x},${y}` })
    })
    const grow = method(() => setData({ x: data.x + 1 }))
    return { grow }
  })
  .register()

App({ globalData: { from: 'app' } })

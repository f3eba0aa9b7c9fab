Page({ data: { w: 75 } })

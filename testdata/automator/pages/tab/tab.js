Page({ data: { n: 2 } })

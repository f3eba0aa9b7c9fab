App({ log: [] })

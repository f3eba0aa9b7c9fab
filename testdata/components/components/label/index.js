Component({ properties: { text: String } })

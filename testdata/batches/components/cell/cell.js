Component({ properties: { label: String } })

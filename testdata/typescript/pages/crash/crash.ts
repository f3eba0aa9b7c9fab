type Row = { id: number }

Page({
  data: { shown: 'crash page' },
  onLoad() {
    const rows: Row[] = []
    // The next line throws: line 8 of this file.
    const first = rows[0]!.id
    this.setData({ shown: String(first) })
  },
})

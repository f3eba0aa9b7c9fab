Page({ data: { show: true }, close() { this.setData({ show: false }) } })

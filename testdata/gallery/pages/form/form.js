// The submitted value, with its keys sorted so that a test can read it exactly.
function sorted(v) {
  const o = {}
  for (const k of Object.keys(v).sort()) o[k] = v[k]
  return o
}

Page({
  data: { out: '', cities: ['Beijing', 'Shanghai', 'Shenzhen'] },
  onSubmit(e) {
    this.setData({ out: e.type + ' ' + JSON.stringify(sorted(e.detail.value)) + ' ' + e.detail.formId })
  },
  onReset(e) {
    this.setData({ out: e.type + ' ' + JSON.stringify(e.detail) })
  },
})

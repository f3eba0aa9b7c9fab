// What the pages of this app share: a table of checks shown as rows, and a tone to play.

// showChecks runs each check of the table (name -> function, its value or a Promise of
// it) and shows `name: result` in page's rows as each one settles.
async function showChecks(page, checks) {
  page.setData({ rows: Object.keys(checks).map((name) => ({ name, result: '…' })) })
  await Promise.all(Object.entries(checks).map(async ([name, check], i) => {
    let result
    try {
      result = await check()
    } catch (err) {
      result = 'threw ' + err
    }
    page.setData({ [`rows[${i}].result`]: String(result) })
  }))
}

// wav is a tone of the given length as a WAV file (8 kHz, 8-bit mono).
function wav(seconds) {
  const rate = 8000
  const n = Math.round(rate * seconds)
  const v = new DataView(new ArrayBuffer(44 + n))
  const str = (at, s) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)))
  str(0, 'RIFF'); v.setUint32(4, 36 + n, true); str(8, 'WAVE'); str(12, 'fmt ')
  v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, 1, true)
  v.setUint32(24, rate, true); v.setUint32(28, rate, true); v.setUint16(32, 1, true); v.setUint16(34, 8, true)
  str(36, 'data'); v.setUint32(40, n, true)
  for (let i = 0; i < n; i++) v.setUint8(44 + i, 128 + Math.round(60 * Math.sin(i / 4)))
  return v.buffer
}

module.exports = { showChecks, wav }

// The worker of wx.createWorker: answers each message with the square of its n.
const { square } = require('./lib/math')

worker.onMessage((msg) => {
  worker.postMessage({ answer: 'squared ' + square(msg.n) })
})

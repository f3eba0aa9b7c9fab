// log records a hook in getApp().log, which the pages show.
module.exports = function log(s) { getApp().log.push(s) }

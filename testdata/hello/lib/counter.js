// A module required from the page, to prove require between files.
exports.next = function (n) {
  return n + 1
}

// Modules reach each other with require, relative or /-absolute.
function plural(n, word) {
  return n + ' ' + word + (n === 1 ? '' : 's')
}
module.exports = { plural }

// requires utils/money.wxs (3:21)
// requires utils/dates.wxs (4:21)
function (require, exports, module) {
var $wxs = this, getRegExp = $wxs.getRegExp, getDate = $wxs.getDate, console = $wxs.console; var cents, counter, dates, isArray, money, total, v, wx; return (function () {
// A typical formatting module: requires, a type check by constructor name, this in a
// method, a global assigned without var, and names of the service layer it must not see.
var money = require('./utils/money.wxs');
var dates = require("/utils/dates.wxs");

function isArray(v) {
  return v && v[$wxs.c] === 'Array';
}

var counter = {
  n: 0,
  next: function () { ($wxs.t(this)).n++; return ($wxs.t(this)).n; }
};

total = 0; // undeclared: a module-local "global"

module.exports = {
  price: function (cents) { return money.format(cents); },
  day: dates.day,
  list: function (v) { return isArray(v) ? v.join(', ') : '' + v; },
  kind: function (v) { return v[$wxs.c]; },
  next: function () { return counter.next(); },
  hasWx: typeof wx !== 'undefined',
  keys: { wx: 1, setTimeout: 2 }
};

}).call(undefined);
}

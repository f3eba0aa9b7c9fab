function (require, exports, module) {
var $wxs = this, getRegExp = $wxs.getRegExp, getDate = $wxs.getDate, console = $wxs.console; var cents, n, pad, yuan; return (function () {
var pad = function (n) {
  return n < 10 ? '0' + n : '' + n;
};

module.exports.format = function (cents) {
  var yuan = Math.floor(cents / 100);
  return '¥' + yuan + '.' + pad(cents % 100);
};

}).call(undefined);
}

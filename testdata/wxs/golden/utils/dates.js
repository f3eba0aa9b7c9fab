function (require, exports, module) {
var $wxs = this, getRegExp = $wxs.getRegExp, getDate = $wxs.getDate, console = $wxs.console; var d, day, m, s, weekday; return (function () {
var weekday = getRegExp('^(\\d{4})-(\\d{2})-(\\d{2})$');

function day(s) {
  var m = weekday.exec(s);
  if (!m) return '';
  var d = getDate(parseInt(m[1], 10), parseInt(m[2], 10) - 1, parseInt(m[3], 10));
  return ['日', '一', '二', '三', '四', '五', '六'][d.getDay()];
}

exports.day = day;

}).call(undefined);
}

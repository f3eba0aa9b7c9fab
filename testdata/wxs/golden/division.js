function (require, exports, module) {
var $wxs = this, getRegExp = $wxs.getRegExp, getDate = $wxs.getDate, console = $wxs.console; var a, arrayOfName, b, c, fn, half, idx, inc, keys, next, obj, paren, prop, ternary; return (function () {
// Divisions and property names that look like other things, all valid WXS.
var a = 10, b = 2, c = 5;
var half = a / b / c;
var paren = (a) / 2;
var idx = [4][0] / 2;
var obj = { x: 1 } / 2;
var fn = function () {} / 2;
var next = a
/ b;
var inc = a++ / 2;
var ternary = a ? .5 : 1;
var keys = { if: 1, 'constructor': 2, default: 3 };
var prop = keys.default + keys[$wxs.c];
var arrayOfName = ['constructor'];
module.exports = { half: half, paren: paren, ctor: keys[$wxs.c] };

}).call(undefined);
}

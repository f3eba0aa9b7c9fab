// es6.wxs:16:9: error: RegExp literals are not allowed in WXS
//   15 | var nums = [0b11, 0o7, 10n, 1_000];
// > 16 | var r = /ab+c/gi;
//      |         ^
//   17 | var t = new Date();
//   hint: use getRegExp(pattern, flags), e.g. getRegExp('\\d+', 'g')
// es6.wxs:17:9: error: new Date is not allowed in WXS: use getDate(...)
//   16 | var r = /ab+c/gi;
// > 17 | var t = new Date();
//      |         ^
//   18 | var u = new RegExp('x');
//   hint: getDate() is now; getDate(ms), getDate('2020-01-02'), getDate(2020, 0, 2) take what new Date takes
// es6.wxs:18:9: error: new RegExp is not allowed in WXS: use getRegExp(pattern, flags)
//   17 | var t = new Date();
// > 18 | var u = new RegExp('x');
//      |         ^
//   19 | try {} catch {}
function (require, exports, module) { throw new SyntaxError("es6.wxs:16:9: RegExp literals are not allowed in WXS"); }

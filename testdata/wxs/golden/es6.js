// es6.wxs:2:1: error: let declarations are not allowed in WXS: use var
//   1 | // Every ES2015+ construct the phone refuses, each reported where it starts.
// > 2 | let a = 1;
//     | ^
//   3 | const b = 2;
// es6.wxs:3:1: error: const declarations are not allowed in WXS: use var
//   2 | let a = 1;
// > 3 | const b = 2;
//     | ^
//   4 | var f = (x, y) => x + y;
// es6.wxs:4:9: error: arrow functions are not allowed in WXS: use function (...) {...}
//   3 | const b = 2;
// > 4 | var f = (x, y) => x + y;
//     |         ^
//   5 | var g = x => x * 2;
// es6.wxs:5:9: error: arrow functions are not allowed in WXS: use function (...) {...}
//   4 | var f = (x, y) => x + y;
// > 5 | var g = x => x * 2;
//     |         ^
//   6 | var s = `a${b}c`;
// es6.wxs:6:9: error: template literals are not allowed in WXS
//   5 | var g = x => x * 2;
// > 6 | var s = `a${b}c`;
//     |         ^
//   7 | var {c, d} = o;
//   hint: join strings with +: 'a' + b + 'c'
// es6.wxs:7:5: error: destructuring is not allowed in WXS
//   6 | var s = `a${b}c`;
// > 7 | var {c, d} = o;
//     |     ^
//   8 | var o2 = {a, b, e: 1, m() {}, [k]: 2};
//   hint: read each property: var a = o.a
// es6.wxs:8:11: error: shorthand properties are not allowed in WXS
//   7 | var {c, d} = o;
// > 8 | var o2 = {a, b, e: 1, m() {}, [k]: 2};
//     |           ^
//   9 | var arr = [...list];
//   hint: write a: a
// es6.wxs:8:14: error: shorthand properties are not allowed in WXS
//   7 | var {c, d} = o;
// > 8 | var o2 = {a, b, e: 1, m() {}, [k]: 2};
//     |              ^
//   9 | var arr = [...list];
//   hint: write b: b
// es6.wxs:8:24: error: method shorthand and computed keys are not allowed in WXS
//   7 | var {c, d} = o;
// > 8 | var o2 = {a, b, e: 1, m() {}, [k]: 2};
//     |                        ^
//   9 | var arr = [...list];
//   hint: write key: function (...) {...}, and set computed keys with o[k] = v
// es6.wxs:8:31: error: method shorthand and computed keys are not allowed in WXS
//   7 | var {c, d} = o;
// > 8 | var o2 = {a, b, e: 1, m() {}, [k]: 2};
//     |                               ^
//   9 | var arr = [...list];
//   hint: write key: function (...) {...}, and set computed keys with o[k] = v
// es6.wxs:9:12: error: spread (...) is not allowed in WXS
//    8 | var o2 = {a, b, e: 1, m() {}, [k]: 2};
// >  9 | var arr = [...list];
//      |            ^
//   10 | function h(p = 1, ...rest) {}
//   hint: use a.concat(b)
// es6.wxs:10:14: error: default parameter values are not allowed in WXS
//    9 | var arr = [...list];
// > 10 | function h(p = 1, ...rest) {}
//      |              ^
//   11 | for (var v of list) {}
//   hint: test for undefined in the function body
// es6.wxs:10:19: error: spread and rest (...) are not allowed in WXS
//    9 | var arr = [...list];
// > 10 | function h(p = 1, ...rest) {}
//      |                   ^
//   11 | for (var v of list) {}
//   hint: use arguments, or fn.apply(null, list)
// es6.wxs:11:12: error: for...of loops are not allowed in WXS
//   10 | function h(p = 1, ...rest) {}
// > 11 | for (var v of list) {}
//      |            ^
//   12 | class K {}
//   hint: use for (var i = 0; i < list.length; i++)
// es6.wxs:12:1: error: classes are not allowed in WXS
//   11 | for (var v of list) {}
// > 12 | class K {}
//      | ^
//   13 | var n = o?.p ?? 0;
//   hint: use functions and objects
// es6.wxs:13:10: error: optional chaining (?.) is not allowed in WXS
//   12 | class K {}
// > 13 | var n = o?.p ?? 0;
//      |          ^
//   14 | var p = 2 ** 10;
//   hint: test each step: a && a.b
// es6.wxs:13:14: error: the ?? operator is not allowed in WXS
//   12 | class K {}
// > 13 | var n = o?.p ?? 0;
//      |              ^
//   14 | var p = 2 ** 10;
//   hint: write a !== undefined && a !== null ? a : b
// es6.wxs:14:11: error: the ** operator is not allowed in WXS
//   13 | var n = o?.p ?? 0;
// > 14 | var p = 2 ** 10;
//      |           ^
//   15 | var nums = [0b11, 0o7, 10n, 1_000];
//   hint: use Math.pow(a, b)
// es6.wxs:15:13: error: binary and octal literals (0b, 0o) are not allowed in WXS
//   14 | var p = 2 ** 10;
// > 15 | var nums = [0b11, 0o7, 10n, 1_000];
//      |             ^
//   16 | var r = /ab+c/gi;
//   hint: write the number in decimal or hex (0x)
// es6.wxs:15:19: error: binary and octal literals (0b, 0o) are not allowed in WXS
//   14 | var p = 2 ** 10;
// > 15 | var nums = [0b11, 0o7, 10n, 1_000];
//      |                   ^
//   16 | var r = /ab+c/gi;
//   hint: write the number in decimal or hex (0x)
// es6.wxs:15:24: error: BigInt literals are not allowed in WXS
//   14 | var p = 2 ** 10;
// > 15 | var nums = [0b11, 0o7, 10n, 1_000];
//      |                        ^
//   16 | var r = /ab+c/gi;
// es6.wxs:15:29: error: numeric separators (1_000) are not allowed in WXS
//   14 | var p = 2 ** 10;
// > 15 | var nums = [0b11, 0o7, 10n, 1_000];
//      |                             ^
//   16 | var r = /ab+c/gi;
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
// es6.wxs:19:14: error: catch without a parameter is not allowed in WXS
//   18 | var u = new RegExp('x');
// > 19 | try {} catch {}
//      |              ^
//   20 | 
//   hint: write catch (e) {...}
function (require, exports, module) { throw new SyntaxError("es6.wxs:2:1: let declarations are not allowed in WXS: use var"); }

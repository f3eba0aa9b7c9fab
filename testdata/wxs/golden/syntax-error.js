// syntax-error.wxs:1:9: error: arrow functions are not allowed in WXS: use function (...) {...}
// > 1 | var f = (a) => a; // reported: before the syntax error
//     |         ^
//   2 | function broken( {
// syntax-error.wxs:2:18: error: destructuring is not allowed in WXS
//   1 | var f = (a) => a; // reported: before the syntax error
// > 2 | function broken( {
//     |                  ^
//   3 |   return 1;
//   hint: read each property: var a = o.a
// syntax-error.wxs:3:10: error: Expected "}" but found "1"
//   2 | function broken( {
// > 3 |   return 1;
//     |          ^
//   4 | }
function (require, exports, module) { throw new SyntaxError("syntax-error.wxs:1:9: arrow functions are not allowed in WXS: use function (...) {...}"); }

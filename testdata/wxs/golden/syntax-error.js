// syntax-error.wxs:3:10: error: Expected "}" but found "1"
//   2 | function broken( {
// > 3 |   return 1;
//     |          ^
//   4 | }
function (require, exports, module) { throw new SyntaxError("syntax-error.wxs:3:10: Expected \"}\" but found \"1\""); }

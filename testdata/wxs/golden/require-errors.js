// requires basic.wxs (2:18)
// require-errors.wxs:3:24: error: require needs one string literal: the relative path of a .wxs file
//   2 | var ok = require('./basic.wxs');
// > 3 | var computed = require('./' + name + '.wxs');
//     |                        ^
//   4 | var js = require('./helper.js');
//   hint: write require('./other.wxs'); the path cannot be computed
// require-errors.wxs:4:18: error: require('./helper.js'): only .wxs modules can be required
//   3 | var computed = require('./' + name + '.wxs');
// > 4 | var js = require('./helper.js');
//     |                  ^
//   5 | var noExt = require('./helper');
//   hint: write the path with its .wxs extension, e.g. require('./other.wxs')
// require-errors.wxs:5:21: error: require('./helper'): only .wxs modules can be required
//   4 | var js = require('./helper.js');
// > 5 | var noExt = require('./helper');
//     |                     ^
//   6 | var outside = require('../../x.wxs');
//   hint: write the path with its .wxs extension, e.g. require('./other.wxs')
// require-errors.wxs:6:23: error: require("../../x.wxs"): the path leaves the project folder
//   5 | var noExt = require('./helper');
// > 6 | var outside = require('../../x.wxs');
//     |                       ^
//   7 | var alias = require;
// require-errors.wxs:7:13: error: require can only be called, as require('./other.wxs')
//   6 | var outside = require('../../x.wxs');
// > 7 | var alias = require;
//     |             ^
//   8 | 
function (require, exports, module) { throw new SyntaxError("require-errors.wxs:3:24: require needs one string literal: the relative path of a .wxs file"); }

package wxs

// Runtime is JavaScript (statements) that defines, in the scope where it runs:
//
//   - D(filename, fn): registers the module function fn (what Compile returns) under
//     filename and returns its loader, `() => exports`. A module runs once, on its
//     first load; require resolves "./x.wxs", "../x.wxs" and "/x.wxs" against the
//     folder of filename (of the .wxml for an inline "x.wxml#m"), appending nothing.
//     A cycle gets the exports as they are when it closes, as in Node.
//   - W: the loaders of .wxs files by project path; the build fills it with
//     W["utils/fmt.wxs"] = D("utils/fmt.wxs", <Compile output>).
//
// Each module is called with the WXS globals getRegExp, getDate and console, and with the
// helpers the compiled code uses: the this filter and the key that x.constructor
// reads. That key is a Symbol with a getter on Object.prototype, giving WXS's type
// names ("Array", "Object", "Function", "Date", "RegExp", "Number", "String",
// "Boolean") without changing what .constructor is for the service layer's own code.
//
// The code runs in strict and sloppy scripts alike, and may run more than once (a
// reload): a second run replaces the registry.
const Runtime = `var W = {};
var D = (function () {
  var realGlobal = typeof globalThis !== 'undefined' ? globalThis : Function('return this')();
  var hasOwn = Object.prototype.hasOwnProperty;
  var toTag = Object.prototype.toString;
  var modules = Object.create(null);

  // x.constructor compiles to x[constructorKey]: a WXS type name, unless x has an own
  // constructor property (set by the module itself).
  var constructorKey = typeof Symbol === 'function' ? Symbol('wxs constructor') : '__wxsConstructor__';
  function typeName(v) {
    switch (typeof v) {
      case 'number': return 'Number';
      case 'string': return 'String';
      case 'boolean': return 'Boolean';
      case 'function': return 'Function';
    }
    switch (toTag.call(v)) {
      case '[object Array]': return 'Array';
      case '[object Date]': return 'Date';
      case '[object RegExp]': return 'RegExp';
    }
    return 'Object';
  }
  Object.defineProperty(Object.prototype, constructorKey, {
    configurable: true,
    get: function () {
      'use strict';
      if ((typeof this === 'object' || typeof this === 'function') && hasOwn.call(this, 'constructor')) {
        return this.constructor;
      }
      return typeName(this);
    },
    set: function (value) {
      'use strict';
      if ((typeof this === 'object' && this !== null) || typeof this === 'function') {
        Object.defineProperty(this, 'constructor', { value: value, writable: true, enumerable: true, configurable: true });
      }
    }
  });

  function getRegExp(pattern, flags) {
    return flags === undefined ? new RegExp(pattern) : new RegExp(pattern, flags);
  }
  function getDate() {
    var args = Array.prototype.slice.call(arguments);
    if (args.length === 0) return new Date();
    return new (Function.prototype.bind.apply(Date, [null].concat(args)))();
  }

  var helpers = Object.freeze({
    getRegExp: getRegExp,
    getDate: getDate,
    console: realGlobal.console,
    c: constructorKey,
    // this, in a function called plainly in sloppy code, is the global object.
    t: function (value) { return value === realGlobal || value === helpers ? undefined : value; }
  });

  // resolve turns a path required by module from into a registered name: relative to
  // from's folder (an inline module "a/b.wxml#m" is in "a"), or to the root for "/...".
  function resolve(from, request) {
    var parts = request.charAt(0) === '/' ? [] : from.split('#')[0].split('/').slice(0, -1);
    var segments = request.split('/');
    for (var i = 0; i < segments.length; i++) {
      var s = segments[i];
      if (s === '' || s === '.') continue;
      if (s === '..') parts.pop();
      else parts.push(s);
    }
    return parts.join('/');
  }

  function load(filename) {
    var record = modules[filename];
    if (!record) throw new Error('no such WXS module: ' + filename);
    if (!record.loaded) {
      record.loaded = true;
      var require = function (request) {
        if (typeof request !== 'string') throw new TypeError('WXS require needs a path string, in ' + filename);
        var target = resolve(filename, request);
        if (!modules[target]) throw new Error('no such WXS module: ' + target + ' (required as "' + request + '" by ' + filename + ')');
        return load(target);
      };
      record.fn.call(helpers, require, record.module.exports, record.module);
      tag(record.module.exports, filename, '', 0);
    }
    return record.module.exports;
  }

  // tag marks each function a module exports with where it is ([filename, "a.b"]), so
  // that a template binding it as an event handler or change:prop observer can have the
  // page layer, which loads the same modules, run it there. A function keeps its first tag.
  function tag(value, filename, path, depth) {
    if (typeof value === 'function') {
      if (!hasOwn.call(value, '__wxs')) {
        try { Object.defineProperty(value, '__wxs', { value: [filename, path] }); } catch (e) {}
      }
      return;
    }
    if (depth > 2 || value === null || typeof value !== 'object' || toTag.call(value) !== '[object Object]') return;
    for (var key in value) {
      if (hasOwn.call(value, key)) tag(value[key], filename, path ? path + '.' + key : key, depth + 1);
    }
  }

  return function D(filename, fn) {
    modules[filename] = { fn: fn, module: { exports: {} }, loaded: false };
    return function () { return load(filename); };
  };
})();
`

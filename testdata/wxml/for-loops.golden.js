(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const Z = (a, b) => (a === true ? true : a ? a[b] : undefined);
  const P = (a) => (typeof a === "function" ? a : () => {});
  const Q = { a: (a) => (a.some((x) => x) ? a : undefined), b: (b) => (Object.values(b).some((x) => x) ? b : undefined) };
  const V = (R, N, n, h, f, m, c) => { const b = N.$$, r = (typeof h === "function" && h.__wxs) || null; const w = !!(b && b.wxsListener && b.wxsListener(n, r, f, c)); R.v(N, n, w ? "" : h, f, m, c, true); };
  const M = (R, N, k, v) => { R.d(N, k, v); const b = N.$$; if (b && b.setDataset) b.setDataset(k, v); };
  const L = (R, N, n, v) => { if (typeof N.hasBehavior === "function") { const l = LW.get(N) || LW.set(N, Object.create(null)).get(N); if ((v === null || (typeof v !== "object" && typeof v !== "function")) && n in l && Object.is(l[n], v)) return; l[n] = v; } R.r(N, n, v); };
  const LW = new WeakMap();
  const O = (R, N, n, h) => { const b = N.$$; if (typeof h !== "function") return; R.p(N, n, h.__wxs && b && b.wxsObserver ? (v, o) => b.wxsObserver(h.__wxs, v, o) : h); };
  const H = {};
  let templates;
  const I = (name) => (templates || (templates = Object.assign({}, H)))[name];
  H[""] = (R, C, D, U) => {
    const K = U === true;
    const A = {};
    const children = (C, T, E, B, F, S, J) => {
      F(D.list, "id", U ? U.list : undefined, [0, "list"], (C, x1, i1, xu1, iu1, lv1, T, E, B, F, S, J) => {
        E("view", {}, (N, C) => {
          if (C || K || Z(xu1, "id")) R.i(N, "row-" + Y(X(x1).id));
          if (C || K || iu1) M(R, N, "index", i1);
        }, (C, T, E, B, F, S, J) => {
          T(C || K || U.prefix || iu1 || Z(xu1, "name") ? "\n  " + Y(D.prefix) + Y(i1) + ":" + Y(X(x1).name) + "\n  " : undefined);
          F(X(x1).tags, "*this", U ? Z(xu1, "tags") : undefined, lv1 && [...lv1, "tags"], (C, x2, i2, xu2, iu2, lv2, T, E, B, F, S, J) => {
            E("text", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
              T(C || K || iu2 || xu2 || Z(xu1, "name") ? "[" + Y(i2) + "=" + Y(x2) + " of " + Y(X(x1).name) + "]" : undefined);
            });
          });
        });
      });
      F(D.words, "*this", U ? U.words : undefined, [0, "words"], (C, x3, i3, xu3, iu3, lv3, T, E, B, F, S, J) => {
        T(C || K || iu3 || xu3 ? Y(i3) + Y(x3) + " " : undefined);
      });
      F(D.obj, "*this", U ? U.obj : undefined, [0, "obj"], (C, x4, i4, xu4, iu4, lv4, T, E, B, F, S, J) => {
        E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
          T(C || K || iu4 || xu4 ? Y(i4) + "=" + Y(x4) : undefined);
        });
      });
      F(D.count, null, U ? U.count : undefined, [0, "count"], (C, x5, i5, xu5, iu5, lv5, T, E, B, F, S, J) => {
        E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
          T(C || K || xu5 ? "n" + Y(x5) : undefined);
        });
      });
      F("ab", null, undefined, null, (C, x6, i6, xu6, iu6, lv6, T, E, B, F, S, J) => {
        E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
          T(C || K || xu6 ? Y(x6) : undefined);
        });
      });
      F([1, 2, 3], null, undefined, null, (C, x7, i7, xu7, iu7, lv7, T, E, B, F, S, J) => {
        const b8 = x7 != 2 ? 1 : 0;
        B(b8, (C, T, E, B, F, S, J) => {
          if (b8 === 1) {
            E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
              T(C || K || xu7 ? "lit " + Y(x7) : undefined);
            });
          }
        });
      });
    };
    return { C: children, B: A };
  };
  return Object.assign((name) => H[name], { _: H });
})()

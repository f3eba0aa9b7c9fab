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
      const b1 = D.n === 1 ? 1 : D.n === 2 ? 2 : 0;
      B(b1, (C, T, E, B, F, S, J) => {
        if (b1 === 1) {
          E("view", {}, (N, C) => {
            if (C) R.i(N, "one");
          }, (C, T, E, B, F, S, J) => {
            T(C || K || U.label ? "one " + Y(D.label) : undefined);
          });
        } else if (b1 === 2) {
          E("view", {}, (N, C) => {
            if (C) R.i(N, "two");
          }, (C, T, E, B, F, S, J) => {
            T(C ? "two" : undefined);
          });
        } else {
          E("view", {}, (N, C) => {
            if (C) R.i(N, "other");
          }, (C, T, E, B, F, S, J) => {
            T(C || K || U.n ? "other " + Y(D.n) + "\n  " : undefined);
            const b2 = D.inner == "a" ? 1 : 0;
            B(b2, (C, T, E, B, F, S, J) => {
              if (b2 === 1) {
                E("text", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
                  T(C ? "inner a" : undefined);
                });
              } else {
                E("text", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
                  T(C || K || U.inner ? "inner " + Y(D.inner) : undefined);
                });
              }
            });
          });
        }
      });
      const b3 = D.flag ? 1 : 0;
      B(b3, (C, T, E, B, F, S, J) => {
        if (b3 === 1) {
          E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
            T(C ? "flag on" : undefined);
          });
          const b4 = D.n > 1 ? 1 : 0;
          B(b4, (C, T, E, B, F, S, J) => {
            if (b4 === 1) {
              E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
                T(C || K || U.label ? "n > 1 and " + Y(D.label) : undefined);
              });
            }
          });
        } else {
          T(C || K || U.label ? "flag off " + Y(D.label) : undefined);
        }
      });
      const b5 = !D.flag ? 1 : 0;
      B(b5, (C, T, E, B, F, S, J) => {
        if (b5 === 1) {
          E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
            T(C ? "only if, no else" : undefined);
          });
        }
      });
      E("text", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(C ? "after" : undefined);
      });
    };
    return { C: children, B: A };
  };
  return Object.assign((name) => H[name], { _: H });
})()

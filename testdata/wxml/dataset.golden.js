(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const Z = (a, b) => (a === true ? true : a ? a[b] : undefined);
  const P = (a) => (typeof a === "function" ? a : () => {});
  const Q = { a: (a) => (a.some((x) => x) ? a : undefined), b: (b) => (Object.values(b).some((x) => x) ? b : undefined) };
  const H = {};
  let templates;
  const I = (name) => (templates || (templates = Object.assign({}, H)))[name];
  H[""] = (R, C, D, U) => {
    const K = U === true;
    const A = {};
    const bind = (fields, update) => fields.forEach((f) => (A[f] || (A[f] = [])).push(update));
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {
        if (C) R.i(N, "x");
        if (C || K || U.id) R.d(N, "id", D.id);
        if (C) bind(["id"], (D, E) => { R.d(N, "id", D.id); E(N); });
        if (C) R.d(N, "fooBar", "static");
        if (C) R.d(N, "upperCase", "u");
        if (C || K || Z(U.user, "name")) R.d(N, "userName", X(D.user).name);
        if (C) bind(["user"], (D, E) => { R.d(N, "userName", X(D.user).name); E(N); });
        if (C) R.d(N, "flag", true);
        if (C || K) R.d(N, "num", 1);
      }, (C, T, E, B, F, S, J) => {});
    };
    return { C: children, B: A };
  };
  return Object.assign((name) => H[name], { _: H });
})()

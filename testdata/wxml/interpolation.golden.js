(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const P = (a) => (typeof a === "function" ? a : () => {});
  const H = {};
  H[""] = (R, C, D, U) => {
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(Y(D.name));
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T("count: " + Y(D.count) + ", next: " + Y(D.count + 1));
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(Y(D.flag) + " " + Y(D.list) + " " + Y(D.nothing) + "|" + Y(D.name) + Y(D.count));
      });
      E("text", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(Y("a" + "b") + " " + Y("}}") + " " + Y(D.a < D.b));
      });
    };
    return { C: children, B: {} };
  };
  return Object.assign((name) => H[name], { _: H });
})()

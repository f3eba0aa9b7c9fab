(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const P = (a) => (typeof a === "function" ? a : () => {});
  const H = {};
  H[""] = (R, C, D, U) => {
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(Y(D.a + D.b) + " " + Y(D.a - D.b) + " " + Y(D.a * D.b) + " " + Y(D.a / D.b) + " " + Y(D.a % D.b) + " " + Y(-D.a) + " " + Y(+D.s) + " " + Y(- -D.a));
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(Y(D.a > D.b) + " " + Y(D.a < D.b) + " " + Y(D.a >= 7) + " " + Y(D.a <= 7) + " " + Y(D.a == "7") + " " + Y(D.a === 7) + " " + Y(D.a != 7) + " " + Y(D.a !== "7"));
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(Y(D.t && D.s) + " " + Y(D.z || "fallback") + " " + Y(!D.t) + " " + Y(!!D.s) + " " + Y(typeof D.s) + " " + Y(typeof D.missing) + " " + Y(D.nil ?? "default"));
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(Y(D.t ? "yes" : "no") + " " + Y(D.a > 5 ? "big" : D.a > 0 ? "small" : "neg") + " " + Y((D.a + D.b) * 2) + " " + Y(D.a + D.b * 2));
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(Y([D.a, D.b, "c"]) + " " + Y(X(X([1, [2, 3]])[1])[0]) + " " + Y(X(D.arr).length) + " " + Y(X(D.arr)[1]) + " " + Y("AB\t|") + " " + Y("it's"));
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(Y(1500) + " " + Y(31) + " " + Y(0.5) + " " + Y(true) + " " + Y(false) + " " + Y(null) + " " + Y(undefined) + " " + Y(1 + 2 + "3") + " " + Y("1" + 2 + 3));
      });
    };
    return { C: children, B: {} };
  };
  return Object.assign((name) => H[name], { _: H });
})()

(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const P = (a) => (typeof a === "function" ? a : () => {});
  const H = {};
  H[""] = (R, C, D, U) => {
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {
        if (C) R.c(N, "outer");
      }, (C, T, E, B, F, S, J) => {
        E("view", {}, (N, C) => {
          if (C) R.c(N, "middle");
        }, (C, T, E, B, F, S, J) => {
          E("text", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
            T(Y(D.title));
          });
          E("my-Widget_2", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {});
          E("image", {}, (N, C) => {
            if (C) R.r(N, "src", "a.png");
          }, (C, T, E, B, F, S, J) => {});
        });
        E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
          T(Y(X(D.items)[0]));
          E("text", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
            T(Y(X(D.items)[1]));
          });
          T("tail");
        });
      });
    };
    return { C: children, B: {} };
  };
  return Object.assign((name) => H[name], { _: H });
})()

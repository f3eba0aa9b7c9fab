// now is a time every layer of the simulator reads on the same clock.
App({ now: () => performance.timeOrigin + performance.now(), t0: 0 })

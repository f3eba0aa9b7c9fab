// The device APIs of wx: sensors, battery, network, Wi-Fi, screen, keyboard events and
// the other parts of a phone. What a browser has is real (the network going offline, the
// clipboard, random values); the rest is a simulated phone whose state the shell's device
// panel (web/static/device.js) changes, each change raising the phone's event.
import { argsOf, type Invoker, type Res, type Options } from './wx'

type Listener = (res: any) => void

// Listeners is the set behind a pair wx.onX / wx.offX; a listener that throws is reported
// as an error of the app, and the others still run.
export class Listeners {
  private set = new Set<Listener>()
  constructor(private report: (err: unknown) => void) {}
  on = (f: Listener) => {
    if (typeof f === 'function') this.set.add(f)
  }
  // off without a listener removes them all, as on the phone.
  off = (f?: Listener) => {
    if (typeof f === 'function') this.set.delete(f)
    else this.set.clear()
  }
  emit(res: unknown) {
    for (const f of [...this.set]) {
      try {
        f(res)
      } catch (err) {
        this.report(err)
      }
    }
  }
}

// The helpers every family of APIs the service layer answers itself shares.
export function answering(inv: Invoker) {
  const ok = (api: string, fields: Record<string, unknown> = {}): Res => ({ ...fields, errMsg: `${api}:ok` })
  const fail = (api: string, reason: string, fields: Record<string, unknown> = {}): Res => ({ ...fields, errMsg: `${api}:fail ${reason}` })
  // answer settles a call with res (or what a function of the arguments gives) a task
  // later, as the phone answers: callbacks, or a Promise without them.
  const answer = (api: string, res: Res | ((args: Record<string, any>) => Res)) => (opts?: Options) =>
    inv.settle(opts, Promise.resolve().then(() => (typeof res === 'function' ? res(argsOf(opts)) : res)))
  const listeners = () => new Listeners(inv.onUserError)
  // pair is { onX, offX } for one set of listeners.
  const pair = (name: string, l: Listeners) => ({ [`on${name}`]: l.on, [`off${name}`]: l.off })
  return { ok, fail, answer, listeners, pair }
}

// The sampling intervals of the motion sensors, in ms, by their `interval` option.
const INTERVALS: Record<string, number> = { game: 20, ui: 60, normal: 200 }

export function deviceAPIs(inv: Invoker) {
  const { ok, fail, answer, listeners, pair } = answering(inv)

  // The simulated phone lies still, face up, pointing north; the device panel tilts it.
  const state = {
    accelerometer: { x: 0, y: 0, z: -1 },
    orientation: { alpha: 0, beta: 0, gamma: 0 },
    battery: { level: 100, isCharging: false },
    networkType: 'wifi',
    weakNet: false,
  }

  // A motion sensor: start samples it every interval into its listeners, stop ends that.
  const sensor = (name: string, sample: () => Record<string, unknown>, startAPI = `start${name}`, stopAPI = `stop${name}`, event = name) => {
    const l = listeners()
    let timer = 0
    return {
      ...pair(`${event}Change`, l),
      [startAPI]: answer(startAPI, (args) => {
        clearInterval(timer)
        timer = setInterval(() => l.emit(sample()), INTERVALS[String(args.interval)] ?? INTERVALS.normal) as unknown as number
        return ok(startAPI)
      }),
      [stopAPI]: answer(stopAPI, () => {
        clearInterval(timer)
        timer = 0
        return ok(stopAPI)
      }),
    }
  }

  // The panel's tilt reaches the sensors at their next sample.
  inv.onEvent('onSensorChange', (d) => {
    if (d?.accelerometer) state.accelerometer = { ...state.accelerometer, ...d.accelerometer }
    if (d?.orientation) state.orientation = { ...state.orientation, ...d.orientation }
  })

  const battery = listeners()
  inv.onEvent('onBatteryInfoChange', (d) => {
    state.battery = { level: Number(d?.level ?? 100), isCharging: !!d?.isCharging }
    battery.emit({ ...state.battery })
  })

  // The network: the browser going offline is the phone losing it; the panel picks the
  // type a connected phone has (wifi, 4g ...) and whether it is weak.
  const network = listeners()
  const weak = listeners()
  const online = () => (globalThis as any).navigator?.onLine !== false
  const networkType = () => (online() ? state.networkType : 'none')
  const networkChanged = () => network.emit({ isConnected: networkType() !== 'none', networkType: networkType() })
  self.addEventListener('online', networkChanged)
  self.addEventListener('offline', networkChanged)
  inv.onEvent('onNetworkStatusChange', (d) => {
    state.networkType = String(d?.networkType || 'wifi')
    networkChanged()
  })
  inv.onEvent('onNetworkWeakChange', (d) => {
    state.weakNet = !!d?.weakNet
    weak.emit({ weakNet: state.weakNet, networkType: networkType() })
  })

  const memory = listeners()
  inv.onEvent('onMemoryWarning', (d) => memory.emit({ level: Number(d?.level ?? 10) }))
  const capture = listeners()
  inv.onEvent('onUserCaptureScreen', () => capture.emit({}))

  return {
    ...sensor('Accelerometer', () => ({ ...state.accelerometer })),
    ...sensor('Gyroscope', () => ({ x: 0, y: 0, z: 0 })),
    // The compass points where the phone's top does: alpha counts anticlockwise.
    ...sensor('Compass', () => ({ direction: (360 - state.orientation.alpha) % 360, accuracy: 3 })),
    ...sensor('DeviceMotion', () => ({ ...state.orientation }), 'startDeviceMotionListening', 'stopDeviceMotionListening'),

    getBatteryInfo: answer('getBatteryInfo', () => ok('getBatteryInfo', { ...state.battery })),
    getBatteryInfoSync: () => ({ ...state.battery }),
    ...pair('BatteryInfoChange', battery),

    getNetworkType: answer('getNetworkType', () => ok('getNetworkType', { networkType: networkType(), signalStrength: state.weakNet ? 20 : 99, hasSystemProxy: false })),
    ...pair('NetworkStatusChange', network),
    ...pair('NetworkWeakChange', weak),
    getLocalIPAddress: answer('getLocalIPAddress', ok('getLocalIPAddress', { localip: '192.168.1.2', netmask: '255.255.255.0' })),

    ...pair('MemoryWarning', memory),
    ...pair('UserCaptureScreen', capture),

    // crypto.getRandomValues of the browser: real random bytes.
    getRandomValues: answer('getRandomValues', (args) => {
      const length = Number(args.length)
      if (!Number.isInteger(length) || length <= 0 || length > 65536) return fail('getRandomValues', 'parameter error: length should be an integer between 1 and 65536')
      return ok('getRandomValues', { randomValues: crypto.getRandomValues(new Uint8Array(length)).buffer })
    }),
    checkIsOpenAccessibility: answer('checkIsOpenAccessibility', ok('checkIsOpenAccessibility', { open: false })),

    // The shell answers the screen's brightness, the clipboard, calls, vibration, the
    // calendar and contacts (web/static/device.js): wx's default sends them there.
    // A browser tab never dims on its own: keeping the screen on is what it does anyway.
    setKeepScreenOn: answer('setKeepScreenOn', ok('setKeepScreenOn')),
    getScreenRecordingState: answer('getScreenRecordingState', ok('getScreenRecordingState', { state: 'off' })),
    setVisualEffectOnCapture: answer('setVisualEffectOnCapture', ok('setVisualEffectOnCapture')),

    ...wifiAPIs(inv),
    ...bluetoothAPIs(inv),
  }
}

// wifiAPIs simulate the phone's Wi-Fi: after startWifi it sees two networks and is
// connected to the first.
function wifiAPIs(inv: Invoker) {
  const { ok, fail, answer, listeners, pair } = answering(inv)
  const networks = [
    { SSID: 'mpsim', BSSID: '02:00:00:00:00:01', secure: true, signalStrength: 99, frequency: 5180 },
    { SSID: 'mpsim-guest', BSSID: '02:00:00:00:00:02', secure: false, signalStrength: 60, frequency: 2412 },
  ]
  let started = false
  let connected: (typeof networks)[number] | null = networks[0]!
  const gotList = listeners()
  const onConnected = listeners()
  const onPartial = listeners()
  // Every API but startWifi fails with the phone's code 12000 until startWifi.
  const afterStart = (api: string, f: (args: Record<string, any>) => Res) =>
    answer(api, (args) => (started ? f(args) : fail(api, 'not init', { errCode: 12000 })))
  return {
    startWifi: answer('startWifi', () => {
      started = true
      return ok('startWifi', { errCode: 0 })
    }),
    stopWifi: afterStart('stopWifi', () => {
      started = false
      return ok('stopWifi', { errCode: 0 })
    }),
    getWifiList: afterStart('getWifiList', () => {
      setTimeout(() => gotList.emit({ wifiList: networks.map((n) => ({ ...n })) }), 50)
      return ok('getWifiList', { errCode: 0 })
    }),
    setWifiList: afterStart('setWifiList', () => ok('setWifiList', { errCode: 0 })),
    getConnectedWifi: afterStart('getConnectedWifi', (args) => {
      if (!connected) return fail('getConnectedWifi', 'wifi is disconnected', { errCode: 12010 })
      const wifi = args.partialInfo ? { SSID: connected.SSID } : { ...connected }
      return ok('getConnectedWifi', { wifi, errCode: 0 })
    }),
    connectWifi: afterStart('connectWifi', (args) => {
      const n = networks.find((w) => w.SSID === args.SSID)
      if (!n) return fail('connectWifi', 'invalid SSID', { errCode: 12008 })
      if (n.secure && !args.password) return fail('connectWifi', 'password error', { errCode: 12002 })
      connected = n
      setTimeout(() => {
        onConnected.emit({ wifi: { ...n } })
        onPartial.emit({ wifi: { SSID: n.SSID } })
      })
      return ok('connectWifi', { wifi: { ...n }, errCode: 0 })
    }),
    ...pair('GetWifiList', gotList),
    ...pair('WifiConnected', onConnected),
    ...pair('WifiConnectedWithPartialInfo', onPartial),
  }
}

// bluetoothAPIs simulate a phone whose Bluetooth is on with no device in range: the
// adapter opens, discovers (nothing), and reports its state; iBeacon discovery finds no
// beacon. Until openBluetoothAdapter (startBeaconDiscovery) the others fail 10000 (11000)
// as on the phone. The device-level APIs stay unsupported: there is no device to reach.
export function bluetoothAPIs(inv: Invoker) {
  const { ok, fail, answer, listeners, pair } = answering(inv)
  const adapter = { open: false, discovering: false }
  const stateChange = listeners()
  // The event tells the state as the call left it, even when a later call changed it first.
  const changed = () => {
    const state = { available: adapter.open, discovering: adapter.discovering }
    setTimeout(() => stateChange.emit(state))
  }
  const opened = (api: string, f: () => Res) => answer(api, () => (adapter.open ? f() : fail(api, 'not init', { errCode: 10000 })))
  const beacon = { discovering: false }
  const beaconChange = listeners()
  return {
    openBluetoothAdapter: answer('openBluetoothAdapter', () => {
      adapter.open = true
      changed()
      return ok('openBluetoothAdapter', { errCode: 0 })
    }),
    closeBluetoothAdapter: answer('closeBluetoothAdapter', () => {
      const was = adapter.open
      adapter.open = adapter.discovering = false
      if (was) changed()
      return ok('closeBluetoothAdapter', { errCode: 0 })
    }),
    getBluetoothAdapterState: opened('getBluetoothAdapterState', () => ok('getBluetoothAdapterState', { available: true, discovering: adapter.discovering, errCode: 0 })),
    startBluetoothDevicesDiscovery: opened('startBluetoothDevicesDiscovery', () => {
      adapter.discovering = true
      changed()
      return ok('startBluetoothDevicesDiscovery', { isDiscovering: true, errCode: 0 })
    }),
    stopBluetoothDevicesDiscovery: opened('stopBluetoothDevicesDiscovery', () => {
      adapter.discovering = false
      changed()
      return ok('stopBluetoothDevicesDiscovery', { errCode: 0 })
    }),
    getBluetoothDevices: opened('getBluetoothDevices', () => ok('getBluetoothDevices', { devices: [], errCode: 0 })),
    getConnectedBluetoothDevices: opened('getConnectedBluetoothDevices', () => ok('getConnectedBluetoothDevices', { devices: [], errCode: 0 })),
    ...pair('BluetoothAdapterStateChange', stateChange),

    startBeaconDiscovery: answer('startBeaconDiscovery', () => {
      beacon.discovering = true
      setTimeout(() => beaconChange.emit({ available: true, discovering: true }))
      return ok('startBeaconDiscovery', { errCode: 0 })
    }),
    stopBeaconDiscovery: answer('stopBeaconDiscovery', () => {
      if (!beacon.discovering) return fail('stopBeaconDiscovery', 'not startBeaconDiscovery', { errCode: 11003 })
      beacon.discovering = false
      setTimeout(() => beaconChange.emit({ available: true, discovering: false }))
      return ok('stopBeaconDiscovery', { errCode: 0 })
    }),
    getBeacons: answer('getBeacons', () => (beacon.discovering ? ok('getBeacons', { beacons: [], errCode: 0 }) : fail('getBeacons', 'not startBeaconDiscovery', { errCode: 11003 }))),
    ...pair('BeaconServiceChange', beaconChange),
  }
}

import { greet, type Greeting } from '../../utils/greet'

// A decorator, as TDesign's sources use them.
function upper(_target: object, _key: string, desc: PropertyDescriptor) {
  const inner = desc.value as () => Greeting
  desc.value = function (this: unknown) {
    const g = inner.call(this)
    return { text: g.text.toUpperCase() }
  }
}

class Greeter {
  @upper
  hello(): Greeting {
    return greet('typescript')
  }
}

Page({
  data: { msg: '', errors: '' },
  async onLoad() {
    const g = await Promise.resolve(new Greeter().hello())
    this.setData({ msg: g.text })
  },
  onShow() {
    this.setData({ errors: (getApp() as any).errors.join(';') })
  },
  crash() {
    wx.navigateTo({ url: '/pages/crash/crash' })
  },
})

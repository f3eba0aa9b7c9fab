// A page in TypeScript whose generated code sits on other lines than its source: the
// interface and the decorator disappear, and the ES module syntax brings helpers.
import { fail } from '../../utils/fail'

interface Data {
  count: number
  label: string
}

function logged(target: unknown, key: string, desc: PropertyDescriptor) {
  return desc
}

export class Counter {
  data: Data = { count: 0, label: 'n' }

  @logged
  async bump(by: number): Promise<number> {
    await Promise.resolve()
    this.data.count += by
    return this.data.count
  }

  explode(): never {
    fail('boom from a .ts page') // THROWN-HERE
  }
}

export default new Counter()

// fail throws from a second module, so the stack has two user frames.

export function fail(message: string): never {
  const err = new Error(message) // ERROR-CREATED
  throw err
}

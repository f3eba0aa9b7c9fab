App({
  errors: [] as string[],
  onError(message: string) {
    this.errors.push(message.split('\n')[0])
  },
})

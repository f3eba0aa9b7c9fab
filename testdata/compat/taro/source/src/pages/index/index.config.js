export default definePageConfig({
  navigationBarTitleText: 'Taro counter',
})

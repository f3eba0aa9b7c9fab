export default definePageConfig({
  navigationBarTitleText: 'Detail',
})

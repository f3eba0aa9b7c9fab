require('../../utils/page.js')('list')

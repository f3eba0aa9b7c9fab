module.exports = { sound: 'meow' }

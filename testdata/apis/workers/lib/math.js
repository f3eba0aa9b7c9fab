module.exports = { square: (n) => n * n }

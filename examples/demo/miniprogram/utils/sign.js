exports.sign = function (args) {
  return JSON.stringify(args);
};

// 金额格式化（分 → 元）
exports.formatFee = function (fen) {
  return (fen / 100).toFixed(2);
};

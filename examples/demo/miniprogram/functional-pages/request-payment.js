// 支付功能页函数：只能 require functional-pages/ 目录内的文件
const { sign } = require('../utils/sign');
const { formatFee } = require('./fee');

exports.beforeRequestPayment = function (paymentArgs, callback) {
  wx.request({
    url: 'https://example.com/pay',
    data: { fee: formatFee(paymentArgs.fee), sign: sign(paymentArgs) },
    success: (res) => callback(null, res.data.requestPaymentArgs),
    fail: (err) => callback(err),
  });
};

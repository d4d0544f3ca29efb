const { formatFee } = require('../../functional-pages/fee');

Page({
  data: { fee: formatFee(1) },
});
